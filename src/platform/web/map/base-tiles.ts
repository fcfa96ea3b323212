import L from 'leaflet';
import { escapeAttribution } from './escape-attribution';
import type { MapTiles } from './ChoroplethMap';


/**
 * The base map under the areas: the tiles the server announced (MAP_TILE_URL, Web Mercator like Leaflet's
 * default CRS) with the provider's attribution always visible. Only called when tiles are configured: without
 * them no tile layer exists and no request leaves the browser.
 */
export function addBaseTiles(map: L.Map, tiles: MapTiles): L.TileLayer {
  return L.tileLayer(tiles.url, {
    attribution: escapeAttribution(tiles.attribution),
    maxZoom: 19,
    // Tiles below the zoom the provider serves are scaled up rather than asked for and missing.
    maxNativeZoom: 19,
    className: 'wr-map-tiles',
  }).addTo(map);
}
