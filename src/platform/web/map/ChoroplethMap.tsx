import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { addBaseTiles } from './base-tiles';
import './map.css';

/** One area to draw: its code, name and WGS84 GeoJSON geometry. */
export interface MapArea {
  code: string;
  name: string;
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
}

export interface MapTiles {
  url: string;
  attribution: string;
}

interface ChoroplethMapProps {
  areas: readonly MapArea[];
  /** The fill of an area; null draws it hatched grey as "no data". */
  fillFor: (code: string) => string | null;
  /** Tooltip text under the name, e.g. the formatted value. */
  describe?: (code: string) => string;
  onSelect?: (code: string) => void;
  /** Base-map tiles; null = boundaries only (works offline). */
  tiles: MapTiles | null;
  /** The data's source, always shown on the map. */
  attribution: string;
  /** What the map shows, for assistive technology. */
  label: string;
  /** Changes when the fills change, so the map restyles without redrawing the shapes. */
  styleKey: string;
  small?: boolean;
  /** An area to draw with a heavy outline (the area a profile is about). */
  highlight?: string;
}

const HATCH_ID = 'wr-map-no-data';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Adds the hatch pattern for "no data" to Leaflet's SVG layer, once. */
function ensureHatchPattern(map: L.Map): void {
  const svg = map.getPanes().overlayPane.querySelector('svg');
  if (!svg || svg.querySelector(`#${HATCH_ID}`)) return;
  const defs = document.createElementNS(SVG_NS, 'defs');
  const pattern = document.createElementNS(SVG_NS, 'pattern');
  pattern.setAttribute('id', HATCH_ID);
  pattern.setAttribute('patternUnits', 'userSpaceOnUse');
  pattern.setAttribute('width', '6');
  pattern.setAttribute('height', '6');
  pattern.setAttribute('patternTransform', 'rotate(45)');
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '6');
  background.setAttribute('height', '6');
  background.setAttribute('fill', '#e0e0e0');
  const line = document.createElementNS(SVG_NS, 'line');
  line.setAttribute('x1', '0');
  line.setAttribute('y1', '0');
  line.setAttribute('x2', '0');
  line.setAttribute('y2', '6');
  line.setAttribute('stroke', '#8a8a8a');
  line.setAttribute('stroke-width', '2');
  pattern.append(background, line);
  defs.append(pattern);
  svg.prepend(defs);
}

function tooltipContent(name: string, detail: string): HTMLElement {
  // Built as DOM nodes, so an area name can never become markup.
  const box = document.createElement('span');
  const title = document.createElement('span');
  title.className = 'wr-map-tooltip__name';
  title.textContent = name;
  box.append(title);
  if (detail) box.append(document.createTextNode(detail));
  return box;
}

/**
 * A Leaflet choropleth of areas. The map is a picture for sighted mouse users; every page that shows one
 * also shows the same figures as a table, which is the keyboard and screen-reader route.
 */
export function ChoroplethMap({ areas, fillFor, describe, onSelect, tiles, attribution, label, styleKey, small = false, highlight }: ChoroplethMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.GeoJSON | null>(null);
  const callbacks = useRef({ fillFor, describe, onSelect });
  const tilesShown = tiles !== null;
  callbacks.current = { fillFor, describe, onSelect };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = L.map(container, { zoomSnap: 0.25, scrollWheelZoom: false, attributionControl: true, preferCanvas: false });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(attribution);
    mapRef.current = map;
    return () => {
      map.stop();
      map.remove();
      mapRef.current = null;
      layerRef.current = null;
    };
  }, [attribution]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !tiles) return;
    const layer = addBaseTiles(map, tiles);
    return () => {
      layer.remove();
    };
  }, [tiles]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const collection: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: areas.map((area) => ({ type: 'Feature', properties: { code: area.code, name: area.name }, geometry: area.geometry })),
    };
    const layer = L.geoJSON(collection, {
      onEachFeature: (feature, featureLayer) => {
        const { code, name } = feature.properties as { code: string; name: string };
        featureLayer.bindTooltip(() => tooltipContent(name, callbacks.current.describe?.(code) ?? ''), { sticky: true, className: 'wr-map-tooltip' });
        featureLayer.on('mouseover', () => (featureLayer as L.Path).setStyle({ weight: 3, color: '#000000' }));
        featureLayer.on('mouseout', () => layer.resetStyle(featureLayer));
        featureLayer.on('click', () => callbacks.current.onSelect?.(code));
      },
    }).addTo(map);
    layerRef.current = layer;
    const bounds = layer.getBounds();
    // Without animation: an animated zoom still running when the page is left ends on a removed map, which
    // throws in Leaflet (reading '_leaflet_pos' of the removed pane).
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
    return () => {
      layer.remove();
      layerRef.current = null;
    };
  }, [areas]);

  useEffect(() => {
    const map = mapRef.current;
    const layer = layerRef.current;
    if (!map || !layer) return;
    ensureHatchPattern(map);
    layer.options.style = (feature) => {
      const code = (feature?.properties as { code: string } | undefined)?.code ?? '';
      const fill = callbacks.current.fillFor(code);
      const isHighlight = highlight !== undefined && code === highlight;
      return {
        color: isHighlight ? '#000000' : '#4d4d4d',
        weight: isHighlight ? 3 : 0.8,
        fillColor: fill ?? `url(#${HATCH_ID})`,
        // Over a base map the fills let the streets show through; the legend colours stay recognisable.
        fillOpacity: tilesShown ? 0.6 : fill ? 0.85 : 1,
        className: callbacks.current.onSelect ? 'wr-map-area wr-map-area--link' : 'wr-map-area',
      };
    };
    layer.setStyle(layer.options.style);
  }, [styleKey, areas, highlight, tilesShown]);

  return <div ref={containerRef} className={small ? 'wr-map wr-map--small' : 'wr-map'} role="region" aria-label={label} />;
}
