import type { Kysely, Transaction } from 'kysely';
import type { Actor, Database } from '../../../platform/server/index.js';
import { CONFIDENTIALITY_LEVELS } from '../contract.js';
import { isVisible, type VisibilityFilter, type VisibleRecordFacts } from './need-to-know.js';
import { visibilityOf } from './signals.service.js';
import { signalsDb } from './signals.tables.js';

/**
 * What decides who may see a group of signals, without their ids, persons or text: the distinct
 * need-to-know facts (source, registrant, category, regime, confidentiality, area) of the signals. A result
 * derived from signals (a saved hot-spot analysis) keeps these, so that later only who may see every signal
 * it was made from may open it — decided here, by the same rule as the signals themselves.
 */
export type SignalAccessKey = VisibleRecordFacts;

const keyOf = (f: SignalAccessKey): string => JSON.stringify([f.registeredBy, f.sourceOrganisationId, f.category, f.legalRegime, f.confidentiality, f.municipalityCode, f.areaCode, f.wijkCode]);

/** Distinct keys, in a stable order (the same signals give the same stored value). */
export function distinctAccessKeys(facts: Iterable<SignalAccessKey>): SignalAccessKey[] {
  const byKey = new Map<string, SignalAccessKey>();
  for (const f of facts) byKey.set(keyOf(f), { ...f });
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, f]) => f);
}

const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const textOrNull = (v: unknown): v is string | null => v === null || text(v);

function isAccessKey(v: unknown): v is SignalAccessKey {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return (
    textOrNull(f.registeredBy) &&
    text(f.sourceOrganisationId) &&
    text(f.category) &&
    text(f.legalRegime) &&
    (CONFIDENTIALITY_LEVELS as readonly unknown[]).includes(f.confidentiality) &&
    text(f.municipalityCode) &&
    text(f.areaCode) &&
    textOrNull(f.wijkCode)
  );
}

/** May the holder of this visibility see every signal behind these stored keys? Anything but a non-empty list of well-formed keys answers no (deny by default). */
export function maySeeAllSignals(visibility: VisibilityFilter, stored: unknown): boolean {
  return Array.isArray(stored) && stored.length > 0 && stored.every((key) => isAccessKey(key) && isVisible(visibility, key));
}

/** maySeeAllSignals for one actor, with the taxonomy read once (a list checks many stored results). */
export async function signalAccessChecker(db: Kysely<Database> | Transaction<Database>, actor: Actor): Promise<(stored: unknown) => boolean> {
  const visibility = await visibilityOf(signalsDb(db), actor);
  return (stored) => maySeeAllSignals(visibility, stored);
}
