import L from 'leaflet';
import { useEffect, useRef, type RefObject } from 'react';
import { addBaseTiles } from './base-tiles';
import type { MapTiles } from './ChoroplethMap';

export interface PickedPoint {
  lat: number;
  lon: number;
}

interface PointPickerOptions {
  /** Outlines drawn for orientation (buurten, or the chosen area); the map zooms to them. */
  outline: GeoJSON.GeoJsonObject | null | undefined;
  /** Line weight of the outlines without a base map (over one they are always 1.2). */
  outlineWeight?: number;
  point: PickedPoint | null;
  onPick: (point: PickedPoint) => void;
  tiles: MapTiles | null;
  attribution: string;
}

/**
 * A Leaflet map on which a click sets one point (the place of a signal, of a spatial-advice trigger): the map,
 * the base tiles when configured, the outlines with the view fitted to them, and the marker of the point. The
 * caller renders the container and may use the map for more (e.g. centring on an address).
 */
export function usePointPickerMap({ outline, outlineWeight = 1.2, point, onPick, tiles, attribution }: PointPickerOptions): { containerRef: RefObject<HTMLDivElement | null>; mapRef: RefObject<L.Map | null> } {
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
    // Six decimals: about 10 cm, more than a click can mean.
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
    // Over a base map only the outlines: the streets are what a person finds the place by.
    const layer = L.geoJSON(outline, { style: { color: '#5a5a5a', weight: tiles ? 1.2 : outlineWeight, fillColor: '#dfe9f3', fillOpacity: tiles ? 0.1 : 0.5 }, interactive: false }).addTo(map);
    const bounds = layer.getBounds();
    // Without animation: an animated zoom still running when the page is left ends on a removed map, which
    // throws in Leaflet (reading '_leaflet_pos' of the removed pane).
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
    return () => void layer.remove();
  }, [outline, outlineWeight, tiles]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    markerRef.current?.remove();
    markerRef.current = point ? L.circleMarker([point.lat, point.lon], { radius: 9, color: '#000000', weight: 2, fillColor: '#d52b1e', fillOpacity: 0.9 }).addTo(map) : null;
  }, [point]);

  return { containerRef, mapRef };
}
