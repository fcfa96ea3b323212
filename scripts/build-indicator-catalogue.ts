/**
 * Builds data/demo/indicator-catalogue.json from CBS's own metadata of table 85984NED (names, themes,
 * units, definitions, decimals) and our decisions in catalogue-decisions.ts (codes, polarity, aggregation,
 * suppression). Run after changing either: `npx tsx scripts/build-indicator-catalogue.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXTRA_INDICATORS, KWB_2024_DECISIONS, KWB_REGION_KEYS } from '../src/modules/indicators/server/import/catalogue-decisions.js';

interface DataProperty {
  ID: number;
  ParentID: number | null;
  Type: string;
  Key: string;
  Title: string;
  Description: string | null;
  Unit?: string | null;
  Decimals?: number | null;
}

const demo = (file: string) => fileURLToPath(new URL(`../data/demo/${file}`, import.meta.url));
const properties = JSON.parse(readFileSync(demo('85984NED_DataProperties.json'), 'utf8')) as DataProperty[];
const byId = new Map(properties.map((p) => [p.ID, p]));
const themeOf = (p: DataProperty): string => {
  const path: string[] = [];
  for (let parent = p.ParentID === null ? undefined : byId.get(p.ParentID); parent; parent = parent.ParentID === null ? undefined : byId.get(parent.ParentID)) {
    path.unshift(parent.Title.trim());
  }
  return path.join(' > ') || 'Overig';
};

const SOURCE = 'CBS Kerncijfers wijken en buurten 2024 (85984NED)';
const seen = new Map<string, number>();
const items: Record<string, unknown>[] = [];
for (const p of properties) {
  if (p.Type !== 'Topic') continue;
  const stem = p.Key.replace(/_\d+$/, '');
  const n = (seen.get(stem) ?? 0) + 1;
  seen.set(stem, n);
  const cbsKey = n === 1 ? stem : `${stem}#${n}`;
  if ((KWB_REGION_KEYS as readonly string[]).includes(stem)) continue;
  const decision = KWB_2024_DECISIONS[cbsKey];
  if (!decision) throw new Error(`no decision for CBS key ${cbsKey} (${p.Key})`);
  items.push({
    code: decision.code,
    name: p.Title.trim(),
    theme: themeOf(p),
    unit: (p.Unit ?? '').trim(),
    definition: (p.Description ?? '').replace(/\r\n/g, '\n').trim(),
    source: SOURCE,
    polarity: decision.polarity ?? 'neutral',
    aggregation: decision.aggregation,
    weightIndicator: decision.weight ?? null,
    suppressBelow: decision.suppressBelow ?? null,
    decimals: p.Decimals ?? 0,
    cbsKey,
  });
}
const used = new Set(items.map((i) => i.cbsKey));
const unused = Object.keys(KWB_2024_DECISIONS).filter((k) => !used.has(k));
if (unused.length) throw new Error(`decisions without a CBS topic: ${unused.join(', ')}`);
for (const extra of EXTRA_INDICATORS) {
  items.push({
    code: extra.code,
    name: extra.name,
    theme: extra.theme,
    unit: extra.unit,
    definition: extra.definition,
    source: extra.source,
    polarity: extra.polarity ?? 'neutral',
    aggregation: extra.aggregation,
    weightIndicator: extra.weight ?? null,
    suppressBelow: extra.suppressBelow ?? null,
    decimals: extra.decimals,
    cbsKey: null,
  });
}
const codes = new Set(items.map((i) => i.code));
if (codes.size !== items.length) throw new Error('duplicate indicator code');
for (const i of items) if (i.weightIndicator && !codes.has(i.weightIndicator as string)) throw new Error(`unknown weight ${String(i.weightIndicator)}`);
writeFileSync(demo('indicator-catalogue.json'), `${JSON.stringify({ source: SOURCE, items }, null, 2)}\n`);
console.log(`${items.length} indicators (${items.length - EXTRA_INDICATORS.length} from 85984NED, ${EXTRA_INDICATORS.length} extra)`);
