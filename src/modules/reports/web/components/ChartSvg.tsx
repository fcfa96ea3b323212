import { createElement, type ReactNode } from 'react';
import { trajectoryChart, type SvgNode } from '../../chart';
import type { ChartSpec, MapSpec } from '../../contract';
import { areaMap } from '../../map';

/** SVG attribute names as React spells them (stroke-width → strokeWidth). */
const reactName = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

function toElement(node: SvgNode, key: number): ReactNode {
  const props: Record<string, string | number> = { key };
  for (const [name, value] of Object.entries(node.attrs)) props[reactName(name)] = value;
  if (node.tag === 'svg') {
    // Scales with the page; the documents use the same tree at a fixed size.
    props.className = 'wr-report-chart__svg';
    props.focusable = 'false';
  }
  return createElement(node.tag, props, ...(node.children ?? []).map((child, i) => (typeof child === 'string' ? child : toElement(child, i))));
}

/** A goal's trajectory chart: the very SVG tree (chart.ts) the DOCX and PDF are drawn from. Its title is the alt text. */
export function ChartSvg({ chart, alt }: { chart: ChartSpec; alt: string }) {
  return <>{toElement(trajectoryChart(chart, alt), 0)}</>;
}

/** The programme's area map: the very SVG tree (map.ts) the DOCX and PDF are drawn from. Its title is the alt text. */
export function MapSvg({ map, alt }: { map: MapSpec; alt: string }) {
  return <>{toElement(areaMap(map, alt), 0)}</>;
}
