import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { addBaseTiles } from '../../../../platform/web/map/base-tiles';
import type { MapTiles } from '../../../../platform/web/map/ChoroplethMap';
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
    map.on('click', (event: L.LeafletMouseEvent) => pickRef.current({ lon: Math.round(event.latlng.lng * 1e6) / 1e6, lat: Math.round(event.latlng.lat * 1e6) / 1e6 }));
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
    if (!map || !boundaries) return;
    // Over a base map only the outlines: the streets are what a person finds the place by.
    const layer = L.geoJSON(boundaries, { style: { color: '#5a5a5a', weight: tiles ? 1.2 : 0.8, fillColor: '#dfe9f3', fillOpacity: tiles ? 0.1 : 0.5 }, interactive: false }).addTo(map);
    const bounds = layer.getBounds();
    // Without animation: an animated zoom still running when the page is left ends on a removed map, which
    // throws in Leaflet (reading '_leaflet_pos' of the removed pane).
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
    return () => void layer.remove();
  }, [boundaries, tiles]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    markerRef.current?.remove();
    markerRef.current = point ? L.circleMarker([point.lat, point.lon], { radius: 9, color: '#000000', weight: 2, fillColor: '#d52b1e', fillOpacity: 0.9 }).addTo(map) : null;
  }, [point]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !centreOn) return;
    // Close enough to see the street, never further out than the person had zoomed.
    map.setView([centreOn.lat, centreOn.lon], Math.max(map.getZoom(), 16), { animate: false });
  }, [centreOn]);

  return <div ref={containerRef} className="wr-map wr-signals-picker" role="region" aria-label={label} data-testid="signal-point-map" />;
}
