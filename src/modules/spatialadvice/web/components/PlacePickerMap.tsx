import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { addBaseTiles } from '../../../../platform/web/map/base-tiles';
import type { MapTiles } from '../../../../platform/web/map/ChoroplethMap';
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
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markerRef = useRef<L.CircleMarker | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = L.map(container, { zoomSnap: 0.25, scrollWheelZoom: false, center: [51.8, 4.665], zoom: 13 });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(attribution);
    map.on('click', (event: L.LeafletMouseEvent) => pickRef.current({ lat: Math.round(event.latlng.lat * 1e6) / 1e6, lon: Math.round(event.latlng.lng * 1e6) / 1e6 }));
    mapRef.current = map;
    return () => {
      map.stop();
      map.remove();
      mapRef.current = null;
      markerRef.current = null;
    };
  }, [attribution]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !tiles) return;
    const layer = addBaseTiles(map, tiles);
    return () => void layer.remove();
  }, [tiles]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !outline) return;
    const layer = L.geoJSON(outline, { style: { color: '#5a5a5a', weight: 1.2, fillColor: '#dfe9f3', fillOpacity: tiles ? 0.1 : 0.5 }, interactive: false }).addTo(map);
    const bounds = layer.getBounds();
    // Without animation: an animated zoom still running when the page is left ends on a removed map.
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
    return () => void layer.remove();
  }, [outline, tiles]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    markerRef.current?.remove();
    markerRef.current = point ? L.circleMarker([point.lat, point.lon], { radius: 9, color: '#000000', weight: 2, fillColor: '#d52b1e', fillOpacity: 0.9 }).addTo(map) : null;
  }, [point]);

  return <div ref={containerRef} className="wr-map wr-sa-picker" role="region" aria-label={label} data-testid="spatial-place-map" />;
}
