import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError, type Actor, type Database } from '../../../platform/server/index.js';
import { getAreaSeries, listIndicators } from '../../indicators/index.js';
import { evaluationForSharing, listEvaluationsForSharing } from '../../evaluation/index.js';
import { listMkbasForSharing, mkbaForSharing } from '../../learning/index.js';
import { EvaluationPayload, IndicatorCode, LessonPayload, MkbaPayload, TrendPayload, type ItemKind, type MeetingPart } from '../contract.js';
import { circleDb } from './circle.tables.js';
import { findLessons, findMeetings } from './lessons.queries.js';

/**
 * The registry of item kinds the circle shares: for each, how to list this installation's own items, check a
 * key, take the snapshot that goes into a bundle, and check a received payload. Adding a kind is an entry
 * here, its payload schema in contract.ts and its name in ITEM_KINDS.
 */

export interface OwnItem {
  key: string;
  title: string;
  isIllustrative: boolean;
}

export interface ItemKindEntry {
  /** The installation's own items of this kind that can be given a share level. */
  listOwn(db: Kysely<Database>, actor: Actor, sharedKeys: readonly string[]): Promise<OwnItem[]>;
  /** The item's title, or null when there is no such item. */
  titleOf(db: Kysely<Database>, actor: Actor, key: string): Promise<string | null>;
  /** What goes into the bundle; null when the item is gone (it is then left out, i.e. withdrawn). */
  snapshot(db: Kysely<Database>, actor: Actor, key: string, context: { municipalityCode: string }): Promise<{ title: string; payload: Record<string, unknown> } | null>;
  payloadSchema: z.ZodType<Record<string, unknown>>;
  /** The words the lesson search looks through; '' for kinds that are not searched. */
  searchText(title: string, payload: Record<string, unknown>): string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const lessonKind: ItemKindEntry = {
  async listOwn(db) {
    return (await findLessons(circleDb(db))).map((l) => ({ key: l.id, title: l.title, isIllustrative: l.is_illustrative }));
  },
  async titleOf(db, _actor, key) {
    if (!UUID.test(key)) return null;
    return (await findLessons(circleDb(db), { id: key }))[0]?.title ?? null;
  },
  async snapshot(db, _actor, key) {
    const cdb = circleDb(db);
    const [lesson] = await findLessons(cdb, { id: key });
    if (!lesson) return null;
    const meeting = lesson.meeting_id ? (await findMeetings(cdb, lesson.meeting_id))[0] : undefined;
    const payload: LessonPayload = {
      text: lesson.body,
      theme: lesson.theme,
      areaName: lesson.area_name,
      tags: lesson.tags,
      isIllustrative: lesson.is_illustrative,
      meeting: meeting && lesson.meeting_part ? { heldOn: meeting.held_on, hostMunicipality: meeting.host_municipality, place: meeting.place, part: lesson.meeting_part as MeetingPart } : null,
    };
    return { title: lesson.title, payload };
  },
  payloadSchema: LessonPayload,
  searchText: (title, payload) => {
    const p = payload as LessonPayload;
    return [title, p.text, p.theme, ...p.tags].join(' ');
  },
};

const notFoundAsNull = async <T>(work: () => Promise<T>): Promise<T | null> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return null;
    throw error;
  }
};

const mkbaKind: ItemKindEntry = {
  async listOwn(db, actor) {
    return (await listMkbasForSharing(db, actor)).map((m) => ({ key: m.id, title: `${m.name} (${m.areaName})`, isIllustrative: m.isDemo }));
  },
  async titleOf(db, actor, key) {
    if (!UUID.test(key)) return null;
    return (await listMkbasForSharing(db, actor)).find((m) => m.id === key)?.name ?? null;
  },
  async snapshot(db, actor, key) {
    const snapshot = await notFoundAsNull(() => mkbaForSharing(db, actor, key));
    return snapshot ? { title: snapshot.package, payload: { ...snapshot } } : null;
  },
  payloadSchema: MkbaPayload,
  searchText: () => '',
};

/**
 * Established evaluations. The evaluation module leaves the access check to its caller, so every step here
 * first asks which evaluations the actor may see; its success and failure factors are what other members
 * search, the way they search lessons.
 */
const evaluationKind: ItemKindEntry = {
  async listOwn(db, actor) {
    return (await listEvaluationsForSharing(db, actor)).map((e) => ({ key: e.id, title: `${e.title} (${e.areaName})`, isIllustrative: e.isIllustrative }));
  },
  async titleOf(db, actor, key) {
    if (!UUID.test(key)) return null;
    return (await listEvaluationsForSharing(db, actor)).find((e) => e.id === key)?.title ?? null;
  },
  async snapshot(db, actor, key) {
    if (!UUID.test(key) || !(await listEvaluationsForSharing(db, actor)).some((e) => e.id === key)) return null;
    const shared = await evaluationForSharing(db, key);
    return shared ? { title: shared.title, payload: { ...shared } } : null;
  },
  payloadSchema: EvaluationPayload,
  searchText: (title, payload) => {
    const p = payload as EvaluationPayload;
    const factors = [...p.successFactors, ...p.failureFactors].flatMap((f) => [f.title, f.explanation]);
    return [title, p.areaName, ...factors, ...p.criteria.map((c) => c.conclusion)].join(' ');
  },
};

async function indicatorOf(db: Kysely<Database>, code: string) {
  if (!IndicatorCode.safeParse(code).success) return undefined;
  return (await listIndicators(db)).find((i) => i.code === code);
}

const trendKind: ItemKindEntry = {
  async listOwn(db, _actor, sharedKeys) {
    const catalogue = new Map((await listIndicators(db)).map((i) => [i.code, i.name]));
    return sharedKeys.filter((k) => catalogue.has(k)).map((key) => ({ key, title: catalogue.get(key)!, isIllustrative: false }));
  },
  async titleOf(db, _actor, key) {
    return (await indicatorOf(db, key))?.name ?? null;
  },
  async snapshot(db, actor, key, context) {
    const indicator = await indicatorOf(db, key);
    if (!indicator) return null;
    const values = await ownTrend(db, actor, context.municipalityCode, key);
    const payload: TrendPayload = { indicator: key, indicatorName: indicator.name, unit: indicator.unit, values };
    return { title: indicator.name, payload };
  },
  payloadSchema: TrendPayload,
  searchText: () => '',
};

/** The gemeente's own value per year (its own figure, else its buurten aggregated by the indicator's rule). */
export async function ownTrend(db: Kysely<Database>, actor: Actor, municipalityCode: string, indicator: string): Promise<{ year: number; value: number }[]> {
  const series = await notFoundAsNull(() => getAreaSeries(db, actor, municipalityCode, indicator));
  if (!series) return [];
  return series.items.flatMap((item) => {
    const value = item.value ?? item.municipalityValue;
    return value === null || !Number.isFinite(value) ? [] : [{ year: item.period, value }];
  });
}

export const ITEM_KIND_REGISTRY: Record<ItemKind, ItemKindEntry> = { lesson: lessonKind, mkba: mkbaKind, trend: trendKind, evaluation: evaluationKind };

export function kindEntry(kind: string): ItemKindEntry | undefined {
  return (ITEM_KIND_REGISTRY as Record<string, ItemKindEntry | undefined>)[kind];
}
