/** Leaflet writes attributions as HTML; the configured one (MAP_TILE_ATTRIBUTION) is text, so it is escaped. */
export function escapeAttribution(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
