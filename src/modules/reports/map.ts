import { formatChartNumber, type SvgNode } from './chart.js';
import type { MapSpec } from './contract.js';

/**
 * One map definition for the screen and the documents, beside the chart's (chart.ts): the programme's area,
 * its buurten (or wijken) coloured in classes by one indicator, with a legend and the source line, as a tree
 * of SVG elements. The web page renders the tree as React elements; the server serialises it to SVG text
 * (DOCX: rasterised to PNG) or draws it as vectors (PDF). No dependency: it runs in the browser and in Node.
 *
 * Projection: longitude × cos(middle latitude) against latitude, a local equirectangular projection: over a
 * few kilometres it keeps the shapes and the aspect of the area (within a fraction of a percent).
 */

export const MAP_WIDTH = 640;
const MAP_MAX_HEIGHT = 440;
const MAP_PAD = 8;
const LEGEND_ROW = 18;
/** Sequential blues (ColorBrewer "Blues"), light = low; a class is always named in words in the legend too. */
export const MAP_CLASS_COLORS = ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'] as const;
export const MAP_NO_VALUE_COLOR = '#d9d9d9';
export const MAP_SOURCE = 'Bron: CBS, Kadaster';

export interface MapClass {
  /** Lowest and highest value of the areas in the class. */
  min: number;
  max: number;
  count: number;
  color: string;
}

/**
 * At most four classes of about equal numbers of areas (quantiles of the sorted values: the class bounds lie
 * at the values at positions n·i/k), each labelled by the lowest and highest value it holds. Fewer distinct
 * values give fewer classes. Areas without a value (none, or suppressed) are in no class.
 */
export function mapClasses(values: readonly (number | null)[]): MapClass[] {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const k = Math.min(MAP_CLASS_COLORS.length, new Set(sorted).size);
  const lowest = sorted[0] as number;
  const aboveLowest = sorted.find((v) => v > lowest);
  // A bound on the lowest value would leave the first class empty: it moves to the next value up.
  const breaks = [...new Set(Array.from({ length: k - 1 }, (_, i) => sorted[Math.floor((sorted.length * (i + 1)) / k)] as number).map((b) => (b > lowest ? b : aboveLowest)))].filter((b): b is number => b !== undefined);
  const groups: number[][] = Array.from({ length: breaks.length + 1 }, () => []);
  for (const v of sorted) groups[breaks.filter((b) => v >= b).length]?.push(v);
  const used = groups.filter((g) => g.length > 0);
  // Colours spread over the scale: two classes get the lightest and the darkest but one.
  const palette = used.length === 1 ? [MAP_CLASS_COLORS[2]] : used.length === 2 ? [MAP_CLASS_COLORS[0], MAP_CLASS_COLORS[3]] : used.length === 3 ? [MAP_CLASS_COLORS[0], MAP_CLASS_COLORS[2], MAP_CLASS_COLORS[3]] : MAP_CLASS_COLORS;
  return used.map((g, i) => ({ min: g[0] as number, max: g.at(-1) as number, count: g.length, color: palette[i] as string }));
}

export function classOf(classes: readonly MapClass[], value: number | null): MapClass | undefined {
  return value === null ? undefined : classes.find((c) => value >= c.min && value <= c.max);
}

/** "45 %", "12 per 1 000 inwoners"; nothing after a plain count ("aantal") or a code. */
export function mapUnit(unit: string): string {
  const words = unit.replace(/^aantal\b\s*/, '').trim();
  return words === '' || words === 'code' ? '' : ` ${words}`;
}

export function classLabel(spec: Pick<MapSpec, 'decimals' | 'unit'>, c: MapClass): string {
  const f = (v: number) => formatChartNumber(v, spec.decimals);
  return c.min === c.max ? `${f(c.min)}${mapUnit(spec.unit)}` : `${f(c.min)} – ${f(c.max)}${mapUnit(spec.unit)}`;
}

const LEVEL_PLURAL = { buurt: 'buurten', wijk: 'wijken' } as const;

/** The alt text: what a sighted reader takes from the map, in words and figures. */
export function mapAlt(spec: MapSpec): string {
  const unit = mapUnit(spec.unit);
  const f = (v: number) => `${formatChartNumber(v, spec.decimals)}${unit}`;
  const plural = LEVEL_PLURAL[spec.level];
  const withValue = spec.areas.filter((a): a is MapSpec['areas'][number] & { value: number } => a.value !== null);
  const parts = [`Kaart van ${spec.areaName}: ${spec.indicatorName} per ${spec.level}, ${spec.year}, ${spec.areas.length} ${spec.areas.length === 1 ? spec.level : plural}`];
  if (withValue.length > 0) {
    const top = Math.max(...withValue.map((a) => a.value));
    const bottom = Math.min(...withValue.map((a) => a.value));
    const names = (v: number) => withValue.filter((a) => a.value === v).map((a) => a.name).sort((x, y) => x.localeCompare(y, 'nl')).join(', ');
    parts.push(`hoogste ${f(top)} in ${names(top)}`, `laagste ${f(bottom)} in ${names(bottom)}`);
    const classes = mapClasses(spec.areas.map((a) => a.value));
    parts.push(`klassen ${classes.map((c) => `${classLabel(spec, c)} (${c.count})`).join(', ')}`);
  }
  const missing = spec.areas.length - withValue.length;
  if (missing > 0) parts.push(`zonder cijfer ${missing}`);
  return `${parts.join('; ')}. ${MAP_SOURCE}.`;
}

/** Projects the rings into a box of the given width and at most the given height, keeping the aspect. */
export function projectRings(
  areas: MapSpec['areas'],
  width: number,
  maxHeight: number,
  align: 'centre' | 'left' = 'centre',
): { width: number; height: number; project: (p: readonly [number, number]) => [number, number] } {
  const points = areas.flatMap((a) => a.rings.flat());
  const lats = points.map((p) => p[1]);
  const lons = points.map((p) => p[0]);
  const [lat0, lat1, lon0, lon1] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const k = Math.cos((((lat0 + lat1) / 2) * Math.PI) / 180);
  const spanX = (lon1 - lon0) * k || 1e-9;
  const spanY = lat1 - lat0 || 1e-9;
  const scale = Math.min(width / spanX, maxHeight / spanY);
  const height = spanY * scale;
  const offset = align === 'left' ? 0 : (width - spanX * scale) / 2;
  return { width: spanX * scale, height, project: ([lon, lat]) => [offset + (lon - lon0) * k * scale, (lat1 - lat) * scale] };
}

function wrap(text: string, perLine: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** The map as an SVG element tree; `title` is the accessible name (the alt text). Its height follows the area's shape. */
export function areaMap(spec: MapSpec, title: string): SvgNode {
  const font = { 'font-family': 'Noto Sans, Arial, sans-serif', 'font-size': 11, fill: '#333333' };
  const classes = mapClasses(spec.areas.map((a) => a.value));
  const drawn = spec.areas.filter((a) => a.rings.length > 0);
  // A tall area leaves room beside it: the legend goes to its right then, else below it.
  const LEGEND_WIDTH = 250;
  const full = projectRings(drawn, MAP_WIDTH - 2 * MAP_PAD, MAP_MAX_HEIGHT);
  const beside = full.width <= MAP_WIDTH - 2 * MAP_PAD - LEGEND_WIDTH;
  const { height: mapHeight, project } = beside ? projectRings(drawn, full.width, MAP_MAX_HEIGHT, 'left') : full;
  const children: SvgNode[] = [{ tag: 'title', attrs: {}, children: [title] }];
  const shapes: SvgNode[] = drawn.map((a) => {
    const d = a.rings
      .map((ring) =>
        ring
          .map((p, i) => {
            const [x, y] = project(p);
            return `${i === 0 ? 'M' : 'L'}${r1(x + MAP_PAD)} ${r1(y + MAP_PAD)}`;
          })
          .join('') + 'Z',
      )
      .join('');
    const fill = classOf(classes, a.value)?.color ?? MAP_NO_VALUE_COLOR;
    return { tag: 'path', attrs: { d, fill, 'fill-rule': 'evenodd', stroke: '#4d4d4d', 'stroke-width': 0.6, 'stroke-linejoin': 'round' } };
  });
  children.push({ tag: 'g', attrs: {}, children: shapes });

  // Legend below the map: what is coloured, then every class in words with its count.
  const lx = beside ? MAP_PAD + full.width + 24 : MAP_PAD;
  let y = beside ? MAP_PAD + 12 : MAP_PAD * 2 + mapHeight + 16;
  const legendTitle = `${spec.indicatorName}${spec.unit && mapUnit(spec.unit) && !spec.indicatorName.toLowerCase().startsWith('percentage') ? ` (${spec.unit})` : ''}`;
  // Wrapped by an estimate of the width of Noto Sans Bold at 11 px (about 6.8 px a character).
  const perLine = Math.floor((beside ? LEGEND_WIDTH - 8 : MAP_WIDTH - 2 * MAP_PAD) / 6.8);
  for (const line of wrap(legendTitle, perLine)) {
    children.push({ tag: 'text', attrs: { ...font, 'font-weight': 'bold', x: lx, y }, children: [line] });
    y += 15;
  }
  children.push({ tag: 'text', attrs: { ...font, x: lx, y }, children: [`per ${spec.level}, ${spec.year}`] });
  const rows: [string, string][] = classes.map((c) => [c.color, `${classLabel(spec, c)} (${c.count} ${c.count === 1 ? spec.level : LEVEL_PLURAL[spec.level]})`]);
  const missing = spec.areas.filter((a) => a.value === null).length;
  if (missing > 0) rows.push([MAP_NO_VALUE_COLOR, `geen cijfer (${missing} ${missing === 1 ? spec.level : LEVEL_PLURAL[spec.level]})`]);
  for (const [color, label] of rows) {
    y += LEGEND_ROW;
    children.push({ tag: 'rect', attrs: { x: lx, y: y - 11, width: 22, height: 13, fill: color, stroke: '#6b6b6b', 'stroke-width': 0.5 } });
    children.push({ tag: 'text', attrs: { ...font, x: lx + 30, y }, children: [label] });
  }
  y += LEGEND_ROW + 2;
  children.push({ tag: 'text', attrs: { ...font, 'font-size': 10, fill: '#555555', x: lx, y }, children: [`${MAP_SOURCE} (grenzen ${spec.boundaryYear})`] });
  const height = Math.ceil(Math.max(y, beside ? MAP_PAD * 2 + mapHeight : 0) + 8);
  return { tag: 'svg', attrs: { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${MAP_WIDTH} ${height}`, width: MAP_WIDTH, height, role: 'img' }, children };
}
