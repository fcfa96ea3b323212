import type { ChartSpec } from './contract.js';

/**
 * One chart definition for the screen and the documents: a goal's trajectory (baseline to target, straight)
 * against its measurements, as a tree of SVG elements. The web page renders the tree as React elements; the
 * server serialises it to SVG text (DOCX: rasterised to PNG; PDF: drawn as vectors). No dependency: it runs
 * in the browser and in Node alike.
 */
export interface SvgNode {
  tag: 'svg' | 'g' | 'rect' | 'line' | 'polyline' | 'circle' | 'text' | 'title' | 'path';
  attrs: Record<string, string | number>;
  children?: (SvgNode | string)[];
}

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 280;
const PAD = { left: 64, right: 16, top: 16, bottom: 56 };
export const CHART_COLORS = { trajectory: '#6b6b6b', actual: '#005a9c', municipality: '#b35c00', axis: '#333333', grid: '#d9d9d9', peildatum: '#8a1c1c' };

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export function formatChartNumber(value: number, decimals: number): string {
  return new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

function niceTicks(min: number, max: number, count: number): number[] {
  if (min === max) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

/** The chart as an SVG element tree; `title` is the accessible name (the alt text). */
export function trajectoryChart(spec: ChartSpec, title: string): SvgNode {
  const xs = [spec.baseline.date, spec.peildatum, ...(spec.target ? [spec.target.date] : []), ...spec.measurements.map((m) => m.date), ...spec.municipality.map((m) => m.date)].map(dayNumber);
  const ys = [spec.baseline.value, ...(spec.target ? [spec.target.value] : []), ...spec.measurements.map((m) => m.value), ...spec.municipality.map((m) => m.value)];
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const margin = (y1 - y0 || Math.abs(y1) || 1) * 0.1;
  y0 -= margin;
  y1 += margin;
  const yTicks = niceTicks(y0, y1, 5);
  y0 = Math.min(y0, yTicks[0] ?? y0);
  y1 = Math.max(y1, yTicks.at(-1) ?? y1);
  const plotW = CHART_WIDTH - PAD.left - PAD.right;
  const plotH = CHART_HEIGHT - PAD.top - PAD.bottom;
  const sx = (iso: string) => PAD.left + ((dayNumber(iso) - x0) / (x1 - x0 || 1)) * plotW;
  const sy = (v: number) => PAD.top + (1 - (v - y0) / (y1 - y0 || 1)) * plotH;
  const r = (n: number) => Math.round(n * 10) / 10;
  const font = { 'font-family': 'Noto Sans, Arial, sans-serif', 'font-size': 11, fill: CHART_COLORS.axis };

  const children: SvgNode[] = [{ tag: 'title', attrs: {}, children: [title] }];
  for (const tick of yTicks) {
    children.push({ tag: 'line', attrs: { x1: PAD.left, x2: PAD.left + plotW, y1: r(sy(tick)), y2: r(sy(tick)), stroke: CHART_COLORS.grid, 'stroke-width': 1 } });
    children.push({ tag: 'text', attrs: { ...font, x: PAD.left - 6, y: r(sy(tick) + 4), 'text-anchor': 'end' }, children: [formatChartNumber(tick, spec.decimals)] });
  }
  const firstYear = Number(new Date(x0 * 86_400_000).toISOString().slice(0, 4));
  const lastYear = Number(new Date(x1 * 86_400_000).toISOString().slice(0, 4));
  const yearStep = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 8));
  for (let year = firstYear; year <= lastYear + 1; year += yearStep) {
    const iso = `${year}-01-01`;
    if (dayNumber(iso) < x0 || dayNumber(iso) > x1) continue;
    children.push({ tag: 'text', attrs: { ...font, x: r(sx(iso)), y: PAD.top + plotH + 16, 'text-anchor': 'middle' }, children: [String(year)] });
  }
  children.push({ tag: 'line', attrs: { x1: PAD.left, x2: PAD.left + plotW, y1: PAD.top + plotH, y2: PAD.top + plotH, stroke: CHART_COLORS.axis, 'stroke-width': 1 } });
  children.push({ tag: 'line', attrs: { x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: PAD.top + plotH, stroke: CHART_COLORS.axis, 'stroke-width': 1 } });
  // The peildatum as a vertical dashed line.
  children.push({ tag: 'line', attrs: { x1: r(sx(spec.peildatum)), x2: r(sx(spec.peildatum)), y1: PAD.top, y2: PAD.top + plotH, stroke: CHART_COLORS.peildatum, 'stroke-width': 1, 'stroke-dasharray': '4 3' } });
  if (spec.target) {
    children.push({ tag: 'polyline', attrs: { points: `${r(sx(spec.baseline.date))},${r(sy(spec.baseline.value))} ${r(sx(spec.target.date))},${r(sy(spec.target.value))}`, fill: 'none', stroke: CHART_COLORS.trajectory, 'stroke-width': 2, 'stroke-dasharray': '6 4' } });
  }
  if (spec.municipality.length > 0) {
    children.push({ tag: 'polyline', attrs: { points: spec.municipality.map((m) => `${r(sx(m.date))},${r(sy(m.value))}`).join(' '), fill: 'none', stroke: CHART_COLORS.municipality, 'stroke-width': 2 } });
    // Its points too: a city figure of one year is a point, which a line alone does not show.
    for (const m of spec.municipality) children.push({ tag: 'circle', attrs: { cx: r(sx(m.date)), cy: r(sy(m.value)), r: 3, fill: CHART_COLORS.municipality } });
  }
  const actual = [{ date: spec.baseline.date, value: spec.baseline.value }, ...spec.measurements.filter((m) => m.date > spec.baseline.date)];
  children.push({ tag: 'polyline', attrs: { points: actual.map((m) => `${r(sx(m.date))},${r(sy(m.value))}`).join(' '), fill: 'none', stroke: CHART_COLORS.actual, 'stroke-width': 2.5 } });
  for (const m of actual) children.push({ tag: 'circle', attrs: { cx: r(sx(m.date)), cy: r(sy(m.value)), r: 3.5, fill: CHART_COLORS.actual } });

  // Legend below the axis: words beside each line, so colour is never the only carrier.
  const legend: [string, string, string | null][] = [
    ['Gemeten', CHART_COLORS.actual, null],
    ...(spec.target ? ([['Traject naar doel', CHART_COLORS.trajectory, '6 4']] as [string, string, string][]) : []),
    ...(spec.municipality.length ? ([['Gemeente', CHART_COLORS.municipality, null]] as [string, string, null][]) : []),
    ['Peildatum', CHART_COLORS.peildatum, '4 3'],
  ];
  let lx = PAD.left;
  const ly = CHART_HEIGHT - 14;
  for (const [label, color, dash] of legend) {
    children.push({ tag: 'line', attrs: { x1: lx, x2: lx + 22, y1: ly - 4, y2: ly - 4, stroke: color, 'stroke-width': 2.5, ...(dash ? { 'stroke-dasharray': dash } : {}) } });
    children.push({ tag: 'text', attrs: { ...font, x: lx + 28, y: ly } , children: [label] });
    lx += 40 + label.length * 6.5;
  }
  return { tag: 'svg', attrs: { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`, width: CHART_WIDTH, height: CHART_HEIGHT, role: 'img' }, children };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The tree as SVG text. */
export function svgToString(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const children = (node.children ?? []).map((c) => (typeof c === 'string' ? escapeXml(c) : svgToString(c))).join('');
  return `<${node.tag}${attrs}>${children}</${node.tag}>`;
}
