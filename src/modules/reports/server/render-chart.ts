import type * as ResvgModule from '@resvg/resvg-wasm';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { svgToString, trajectoryChart, CHART_WIDTH, type SvgNode } from '../chart.js';
import type { ChartSpec, MapSpec } from '../contract.js';
import { areaMap, MAP_WIDTH } from '../map.js';
import { reportFonts } from './fonts.js';

/**
 * The chart as a PNG for the DOCX: the same SVG the web page shows (chart.ts), rasterised by resvg (a
 * WebAssembly build, loaded on first use) with the embedded Noto Sans, so text looks alike everywhere.
 */
const require = createRequire(import.meta.url);
let ready: Promise<typeof ResvgModule> | null = null;

function resvg(): Promise<typeof ResvgModule> {
  ready ??= (async () => {
    const module = await import('@resvg/resvg-wasm');
    await module.initWasm(await readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    return module;
  })();
  return ready;
}

/** Starts loading the rasteriser (WebAssembly) ahead of the first chart. */
export async function warmChartRenderer(): Promise<void> {
  await resvg();
}

export async function chartPng(spec: ChartSpec, title: string, scale = 2): Promise<Buffer> {
  return svgPng(trajectoryChart(spec, title), CHART_WIDTH * scale);
}

/** The area map as a PNG for the DOCX, with its size in SVG units: the same SVG as on the web page (map.ts). */
export async function mapPng(spec: MapSpec, title: string, scale = 2): Promise<{ png: Buffer; width: number; height: number }> {
  const tree = areaMap(spec, title);
  return { png: await svgPng(tree, MAP_WIDTH * scale), width: Number(tree.attrs.width), height: Number(tree.attrs.height) };
}

async function svgPng(tree: SvgNode, width: number): Promise<Buffer> {
  const [{ Resvg }, fonts] = await Promise.all([resvg(), reportFonts()]);
  const svg = svgToString(tree);
  const renderer = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { fontBuffers: [new Uint8Array(fonts.regular), new Uint8Array(fonts.bold)], defaultFontFamily: 'Noto Sans', loadSystemFonts: false },
  });
  const png = renderer.render().asPng();
  renderer.free();
  return Buffer.from(png);
}
