import { useEffect } from 'react';
import type { MapTiles } from '../../../../platform/web/map/ChoroplethMap';
import { usePointPickerMap } from '../../../../platform/web/map/use-point-picker-map';
import '../../../../platform/web/map/map.css';

interface PointPickerMapProps {
  boundaries: GeoJSON.FeatureCollection | undefined;
  point: { lon: number; lat: number } | null;
  onPick: (point: { lon: number; lat: number }) => void;
  tiles: MapTiles | null;
  attribution: string;
  label: string;
  /** A point to bring into view and zoom to (an address just chosen); a new object each time. */
  centreOn?: { lon: number; lat: number } | null;
}

/**
 * Click the map to set the place of a signal. The buurt boundaries are drawn for orientation; the server
 * decides the buurt (point in polygon). Keyboard users type the coordinates or choose a buurt instead.
 */
export function PointPickerMap({ boundaries, point, onPick, tiles, attribution, label, centreOn = null }: PointPickerMapProps) {
  const { containerRef, mapRef } = usePointPickerMap({ outline: boundaries, outlineWeight: 0.8, point, onPick, tiles, attribution });

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !centreOn) return;
    // Close enough to see the street, never further out than the person had zoomed.
    map.setView([centreOn.lat, centreOn.lon], Math.max(map.getZoom(), 16), { animate: false });
  }, [centreOn, mapRef]);

  return <div ref={containerRef} className="wr-map wr-signals-picker" role="region" aria-label={label} data-testid="signal-point-map" />;
}
