import type { Kysely } from 'kysely';
import { invalid, notFound, type Actor, type Database } from '../../../platform/server/index.js';
import { listIndicators } from '../../indicators/index.js';
import { MIN_MEMBERS_FOR_MEDIAN, type Benchmark, type BenchmarkList, type TrendPayload } from '../contract.js';
import { circleMedians } from '../bundle/median.js';
import { circleDb } from './circle.tables.js';
import { peekIdentity } from './identity.service.js';
import { ownTrend } from './item-kinds.js';
import { listShares } from './shares.service.js';

/**
 * This installation's trend against the circle's median. A member counts when its current bundle shares the
 * indicator (this installation when it shares it at circle or public level). Aggregates only: other members'
 * values are read here and never answered.
 */

async function sharingMembers(db: Kysely<Database>): Promise<Map<string, { name: string; series: { year: number; value: number }[] }[]>> {
  const rows = await circleDb(db).selectFrom('circle_received_items').select(['item_key', 'title', 'payload']).where('kind', '=', 'trend').execute();
  const byIndicator = new Map<string, { name: string; series: { year: number; value: number }[] }[]>();
  for (const row of rows) {
    const payload = row.payload as TrendPayload;
    byIndicator.set(row.item_key, [...(byIndicator.get(row.item_key) ?? []), { name: payload.indicatorName, series: payload.values }]);
  }
  return byIndicator;
}

async function ownSharedTrends(db: Kysely<Database>): Promise<Set<string>> {
  return new Set((await listShares(db)).filter((s) => s.kind === 'trend').map((s) => s.key));
}

export async function listBenchmarks(db: Kysely<Database>): Promise<BenchmarkList> {
  const [members, own, catalogue] = [await sharingMembers(db), await ownSharedTrends(db), new Map((await listIndicators(db)).map((i) => [i.code, i.name]))];
  const codes = [...new Set([...members.keys(), ...own])];
  const items = codes.map((code) => {
    const membersSharing = (members.get(code)?.length ?? 0) + (own.has(code) ? 1 : 0);
    return { indicator: code, indicatorName: catalogue.get(code) ?? members.get(code)?.[0]?.name ?? code, membersSharing, enough: membersSharing >= MIN_MEMBERS_FOR_MEDIAN };
  });
  return { threshold: MIN_MEMBERS_FOR_MEDIAN, items: items.sort((a, b) => a.indicatorName.localeCompare(b.indicatorName, 'nl')) };
}

export async function readBenchmark(db: Kysely<Database>, actor: Actor, indicator: string): Promise<Benchmark> {
  const members = (await sharingMembers(db)).get(indicator) ?? [];
  const sharesIt = (await ownSharedTrends(db)).has(indicator);
  const definition = (await listIndicators(db)).find((i) => i.code === indicator);
  if (!definition && members.length === 0) throw notFound('Indicator', 'circle.indicator_not_shared');
  const identity = await peekIdentity(db);
  const municipality = identity?.municipalityCode ?? null;
  if (sharesIt && !municipality) throw invalid('circle.identity_incomplete', 'Set this installation’s gemeentecode first');
  const own = municipality ? await ownTrend(db, actor, municipality, indicator) : [];
  const series = [...members.map((m) => m.series), ...(sharesIt ? [own] : [])];
  const comparison = circleMedians(series);
  const base = { indicator, indicatorName: definition?.name ?? members[0]?.name ?? indicator, unit: definition?.unit ?? '', threshold: MIN_MEMBERS_FOR_MEDIAN, membersSharing: comparison.membersSharing };
  if (!comparison.enough) return { ...base, enough: false, years: [] };
  const ownByYear = new Map(own.map((p) => [p.year, p.value]));
  return { ...base, enough: true, years: comparison.medians.map((m) => ({ year: m.year, own: ownByYear.get(m.year) ?? null, median: m.median })) };
}
