import type { Kysely } from 'kysely';
import { loadActorUser, SYSTEM_ACTOR, type Actor, type Database } from '../../../platform/server/index.js';
import { findUsers } from '../../auth/index.js';
import { findDemoProgrammeId } from '../../programmes/index.js';
import { evaluationDb } from './evaluation.tables.js';
import { changeStatus, createEvaluation, inviteEvaluator } from './evaluation.service.js';
import { saveScore, submitScores } from './scoring.service.js';

/**
 * Demo: an interim evaluation of Dordt West against Platform31's six lessons, scored by the demo programme
 * manager and analyst, with scoring closed so the lead's conclusions are the next step. The scores and
 * motivations are made up (stored with is_demo; the page says "illustratief"). Idempotent: nothing happens
 * when it is there, or while the demo programme or users are not.
 */

const TITLE = 'Tussenevaluatie Dordt West 2026 (illustratief)';

// [lead's score, analyst's score (null: niet te beoordelen)], with made-up motivations, per lesson in order.
const SCORES: [number | null, string, number | null, string][] = [
  [4, 'De jeugdoverlast gaf een breed gedragen aanleiding; partners noemen die zelf (illustratief).', 4, 'Urgentie is in het kernteam en bij de corporaties voelbaar (illustratief).'],
  [4, 'De prioriteit voor Dordt West volgt uit de cijfers van het afwegingskader (illustratief).', 2, 'De keuze voor maatregelen is minder op data gebaseerd dan de keuze voor het gebied (illustratief).'],
  [3, 'Begonnen met jeugd en veiligheid, wonen volgt later (illustratief).', 3, 'Nog veel sporen tegelijk open (illustratief).'],
  [4, 'Een klein kernteam met mandaat (illustratief).', 3, 'Het kernteam groeit sneller dan de basis (illustratief).'],
  [3, 'Afspraken lopen over de collegeperiode heen, maar het geld niet (illustratief).', null, ''],
  [2, 'Veel overleggen met iedereen erbij; besluiten duren lang (illustratief).', 3, 'Afstemming is goed, tempo kan beter (illustratief).'],
];

async function demoActor(db: Kysely<Database>, username: string): Promise<Actor | null> {
  const user = (await findUsers(db)).find((u) => u.username === username);
  const actor = user ? await loadActorUser(db, user.id) : null;
  return actor ? { ...actor, via: 'session' } : null;
}

export async function seedEvaluationDemo(db: Kysely<Database>): Promise<void> {
  const programmeId = await findDemoProgrammeId(db);
  const [lead, analyst] = [await demoActor(db, 'regisseur'), await demoActor(db, 'analist')];
  if (!programmeId || !lead || !analyst) return;
  const existing = await evaluationDb(db).selectFrom('evaluations').select('id').where('programme_id', '=', programmeId).where('is_demo', '=', true).executeTakeFirst();
  if (existing) return;
  const audit = SYSTEM_ACTOR;
  const evaluation = await createEvaluation(db, lead, { programmeId, title: TITLE, kind: 'interim', peildatum: '2026-11-30', frameworks: ['platform31'] }, { isDemo: true, auditActor: audit });
  await inviteEvaluator(db, lead, evaluation.id, analyst.userId, audit);
  await changeStatus(db, lead, evaluation.id, 'scoring_open', audit);
  for (const [i, criterion] of evaluation.criteria.entries()) {
    const [leadScore, leadWhy, analystScore, analystWhy] = SCORES[i] ?? [3, 'Illustratief.', 3, 'Illustratief.'];
    await saveScore(db, lead, criterion.id, { score: leadScore, motivation: leadWhy }, audit);
    await saveScore(db, analyst, criterion.id, { score: analystScore, motivation: analystWhy }, audit);
  }
  await submitScores(db, lead, evaluation.id, audit);
  await submitScores(db, analyst, evaluation.id, audit);
  await changeStatus(db, lead, evaluation.id, 'scoring_closed', audit);
}
