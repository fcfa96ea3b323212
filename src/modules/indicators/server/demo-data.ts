import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { parse } from 'csv-parse/sync';
import { projectPath, SYSTEM_ACTOR, type Database } from '../../../platform/server/index.js';
import { addMissingCatalogueEntries } from './catalogue.service.js';
import type { IndicatorInsert } from './catalogue.queries.js';
import { runImport, type RunnableImportKind } from './import/import.service.js';

/** The real CBS data the demo ships (data/demo/ATTRIBUTION.md: "Bron: CBS, Kadaster", CC BY 4.0). */
const DEMO_DIR = projectPath('data', 'demo');
const read = (file: string): Buffer => readFileSync(path.join(DEMO_DIR, file));

interface CatalogueFile {
  source: string;
  items: { code: string; name: string; theme: string; unit: string; definition: string; source: string; polarity: string; aggregation: string; weightIndicator: string | null; suppressBelow: number | null; decimals: number; cbsKey: string | null }[];
}

/** In load order: boundaries before the values that need their area versions. */
const DEMO_IMPORTS: { kind: RunnableImportKind; file: string; year?: number }[] = [
  { kind: 'areas-geojson', file: 'gemeenten_2023.geojson', year: 2023 },
  { kind: 'pdok-geojson', file: 'dordrecht_gemeente_2020.geojson', year: 2020 },
  { kind: 'pdok-geojson', file: 'dordrecht_wijken_2020.geojson', year: 2020 },
  { kind: 'pdok-geojson', file: 'dordrecht_buurten_2020.geojson', year: 2020 },
  { kind: 'kwb-csv', file: 'kwb2024_gemeenten_wijken_basis.csv', year: 2024 },
  { kind: 'pdok-geojson', file: 'baarn_buurten_2024.geojson' },
  { kind: 'time-series-json', file: 'baarn_sociaal_tijdreeks_2016_2025.json' },
];

/** Adds the shipped indicator catalogue (data/demo/indicator-catalogue.json) where entries are missing; returns how many. */
export async function seedDemoCatalogue(db: Kysely<Database>): Promise<number> {
  const catalogue = JSON.parse(read('indicator-catalogue.json').toString('utf8')) as CatalogueFile;
  const rows: IndicatorInsert[] = catalogue.items.map((i) => ({
    code: i.code,
    name: i.name,
    theme: i.theme,
    unit: i.unit,
    definition: i.definition,
    source: i.source,
    polarity: i.polarity,
    aggregation: i.aggregation,
    weight_indicator: i.weightIndicator,
    suppress_below: i.suppressBelow,
    decimals: i.decimals,
    cbs_key: i.cbsKey,
  }));
  return addMissingCatalogueEntries(db, SYSTEM_ACTOR, rows, catalogue.source);
}

/**
 * Loads the catalogue and every demo file through runImport with the system actor. Idempotent: each file's
 * content hash is recorded, so a second start only reads the files and writes nothing.
 */
export async function seedDemoIndicatorData(db: Kysely<Database>): Promise<void> {
  await seedDemoCatalogue(db);
  for (const item of DEMO_IMPORTS) {
    await runImport(db, SYSTEM_ACTOR, { kind: item.kind, fileName: item.file, content: read(item.file), ...(item.year ? { year: item.year } : {}) });
  }
  await runImport(db, SYSTEM_ACTOR, { kind: 'kwb-csv', fileName: 'nederland-2024-afgeleid-uit-gemeenten.csv', content: nationalKwb2024(), year: 2024 });
}

/**
 * Nederland (NL00) for 2024, DERIVED from the 342 gemeente rows of the KWB extract by the catalogue's
 * aggregation rules (counts summed; population density = inhabitants per km² of land), not published
 * CBS figures. Rows with a missing value are left out of that sum, so a derived count is then left empty.
 */
export function nationalKwb2024(): Buffer {
  const records = parse(read('kwb2024_gemeenten_wijken_basis.csv'), { columns: true, bom: true }) as Record<string, string>[];
  const gemeenten = records.filter((r) => r.soort_regio === 'Gemeente');
  const total = (column: string): string => (gemeenten.some((r) => (r[column] ?? '') === '') ? '' : String(gemeenten.reduce((s, r) => s + Number(r[column]), 0)));
  const inhabitants = total('aantal_inwoners');
  const land = total('oppervlakte_land_ha');
  const density = inhabitants && land ? String(Math.round(Number(inhabitants) / (Number(land) / 100))) : '';
  const header = ['code', 'soort_regio', 'gemeentecode', 'gemeentenaam_2023grenzen', 'aantal_inwoners', 'mannen', 'vrouwen', 'bevolkingsdichtheid_per_km2', 'woningvoorraad', 'oppervlakte_totaal_ha', 'oppervlakte_land_ha', 'oppervlakte_water_ha'];
  const row = ['NL00', 'Land', '', '', inhabitants, total('mannen'), total('vrouwen'), density, total('woningvoorraad'), total('oppervlakte_totaal_ha'), land, total('oppervlakte_water_ha')];
  return Buffer.from(`${header.join(',')}\n${row.join(',')}\n`, 'utf8');
}
