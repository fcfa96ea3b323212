import type { MapTiles } from '../../../../platform/web/map/ChoroplethMap';
import { usePointPickerMap } from '../../../../platform/web/map/use-point-picker-map';
import '../../../../platform/web/map/map.css';

interface Props {
  /** The chosen area's outline, for orientation; the map zooms to it. */
  outline: GeoJSON.Geometry | null | undefined;
  point: { lat: number; lon: number } | null;
  onPick: (point: { lat: number; lon: number }) => void;
  tiles: MapTiles | null;
  attribution: string;
  label: string;
}

/**
 * Click to set the place of a trigger inside its area. Optional: keyboard users raise the trigger for the
 * area alone (the area then stands for the place), which the form says.
 */
export function PlacePickerMap({ outline, point, onPick, tiles, attribution, label }: Props) {
  const { containerRef } = usePointPickerMap({ outline, point, onPick, tiles, attribution });
  return <div ref={containerRef} className="wr-map wr-sa-picker" role="region" aria-label={label} data-testid="spatial-place-map" />;
}
