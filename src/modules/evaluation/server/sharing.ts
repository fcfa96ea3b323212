import type { Kysely } from 'kysely';
import type { Actor, Database } from '../../../platform/server/index.js';
import { canActorSeeProgramme, findProgrammeSummary } from '../../programmes/index.js';
import { summariseScores } from '../scoring.js';
import { evaluationDb } from './evaluation.tables.js';
import * as q from './evaluation.queries.js';

/** An established evaluation as it may leave the installation: outcomes only, no people, no evidence. */
export interface SharedEvaluation {
  title: string;
  programmeName: string;
  areaName: string;
  kind: 'interim' | 'final';
  peildatum: string;
  status: 'established';
  /** A demo evaluation: its scores and texts are made up, and the receiving member says so. */
  isIllustrative: boolean;
  criteria: { framework: string; criterion: string; medianScore: number | null; conclusion: string }[];
  successFactors: { title: string; explanation: string }[];
  failureFactors: { title: string; explanation: string }[];
}

const FRAMEWORK_NAMES: Record<string, string> = { platform31: 'Platform31 — zes lessen', programme_goals: 'Doelen van het programma' };

/**
 * For sharing an evaluation beyond this installation (the learning circle): null unless it exists and is
 * established. No access check: the caller decides who may share; nothing here names a person or links
 * to records of the installation.
 */
export async function evaluationForSharing(db: Kysely<Database>, evaluationId: string): Promise<SharedEvaluation | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(evaluationId)) return null;
  const edb = evaluationDb(db);
  const evaluation = await q.findEvaluation(edb, evaluationId);
  if (!evaluation || evaluation.status !== 'established') return null;
  const criteria = await q.findCriteria(edb, evaluationId);
  const scores = await q.findScores(edb, evaluationId);
  const factors = await q.findFactorsOf(edb, evaluationId);
  const programme = await findProgrammeSummary(db, evaluation.programme_id);
  const factor = (f: q.FactorRow) => ({ title: f.title, explanation: f.explanation });
  return {
    title: evaluation.title,
    programmeName: programme?.name ?? '',
    areaName: evaluation.area_name,
    kind: evaluation.kind === 'final' ? 'final' : 'interim',
    peildatum: evaluation.peildatum,
    status: 'established',
    isIllustrative: evaluation.is_demo,
    criteria: criteria.map((c) => ({
      framework: FRAMEWORK_NAMES[c.framework] ?? c.framework,
      criterion: c.title,
      medianScore: summariseScores(scores.filter((s) => s.criterion_id === c.id).map((s) => s.score)).median,
      conclusion: c.conclusion,
    })),
    successFactors: factors.filter((f) => f.kind === 'success').map(factor),
    failureFactors: factors.filter((f) => f.kind === 'failure').map(factor),
  };
}

/**
 * The established evaluations the actor may see (the programme's area-scope rule), newest first: what the
 * learning circle offers to share. Only established ones: an evaluation still being scored has no outcome yet.
 */
export async function listEvaluationsForSharing(db: Kysely<Database>, actor: Actor): Promise<{ id: string; title: string; areaName: string; isIllustrative: boolean }[]> {
  const established = (await q.findEvaluations(evaluationDb(db))).filter((e) => e.status === 'established');
  const visible = [];
  for (const e of established) if (await canActorSeeProgramme(db, actor, e.programme_id)) visible.push({ id: e.id, title: e.title, areaName: e.area_name, isIllustrative: e.is_demo });
  return visible;
}
