import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError, invalid, notFound, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import { programmeMoneyForReport } from '../../finance/index.js';
import { listProgrammeMeetingsForReport, visibleMeetingIds, type ReportMeeting } from '../../meetings/index.js';
import {
  canActorSeeProgramme,
  getProgrammeForReport,
  listActivitiesOfProgramme,
  listActivityDetailsForReport,
  listGoalDetailsForReport,
  visibleActivityIds,
  type ActivityDetail,
} from '../../programmes/index.js';
import { SnapshotContent, type SnapshotDetail, type SnapshotSummary, type TakeSnapshot } from '../contract.js';
import { addYears, calendarDate } from './dates.js';
import { findSnapshot, findSnapshotsOfProgramme, insertSnapshot, type SnapshotRow } from './reports.queries.js';
import { reportsDb } from './reports.tables.js';
import { collectSnapshotMap } from './snapshot-map.js';

/**
 * Snapshots (peildatum): what a report uses, read through the other modules' interfaces with their own
 * visibility rules for the one who takes it, frozen as JSON text with its SHA-256. A snapshot holds only
 * programme-level information: programme, pillars, goals with status and measurements, activities (owning
 * and partner organisations, never persons), money per funding source, meetings with agenda items,
 * decisions and actions (owning organisation only), the map of the programme's area (public CBS figures and
 * boundaries). Never signals, never persons' names — except who took
 * the snapshot, which is shown with it (docs/reports.md "Who sees a snapshot").
 */

/** Longest report period: a programme's execution programme runs four years; five leaves room. */
const MAX_PERIOD_YEARS = 5;

function toSummary(row: SnapshotRow): SnapshotSummary {
  return {
    id: row.id,
    programmeId: row.programme_id,
    title: row.title,
    periodStart: row.period_start,
    peildatum: row.peildatum,
    takenAt: new Date(row.taken_at).toISOString(),
    takenBy: row.taken_by_name,
    contentSha256: row.content_sha256,
    isDemo: row.is_demo,
  };
}

function firstChangeTo(activity: ActivityDetail, status: string): string | null {
  const change = [...activity.statusHistory].sort((a, b) => a.changedAt.localeCompare(b.changedAt)).find((c) => c.to === status);
  return change ? calendarDate(new Date(change.changedAt)) : null;
}

function toSnapshotActivity(a: ActivityDetail): SnapshotContent['activities'][number] {
  const latest = [...a.progressUpdates].sort((x, y) => y.reportedAt.localeCompare(x.reportedAt))[0];
  return {
    id: a.id,
    name: a.name,
    ownerOrganisation: a.owner.organisationName,
    partnerOrganisations: a.partners.map((p) => p.name),
    start: a.start,
    end: a.end,
    status: a.status,
    progress: a.progress,
    slipping: a.slipping,
    startedOn: firstChangeTo(a, 'running'),
    finishedOn: firstChangeTo(a, 'done'),
    stoppedOn: firstChangeTo(a, 'stopped'),
    latestProgress: latest ? { percent: latest.percent, narrative: latest.narrative, reportedOn: calendarDate(new Date(latest.reportedAt)), organisationName: latest.organisationName } : null,
  };
}

function toSnapshotMeeting(m: ReportMeeting): SnapshotContent['meetings'][number] {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    heldOn: m.heldOn,
    location: m.location,
    areaName: m.areaName,
    status: m.status,
    demo: m.demo,
    participants: m.participants.map((p) => p.name),
    agendaItems: m.agendaItems.map((i) => ({ id: i.id, position: i.position, title: i.title, noDecisionReason: i.noDecisionReason, decisions: i.decisions.map((d) => ({ id: d.id, text: d.text, requiresAction: d.requiresAction })) })),
    actions: m.actions.map((a) => ({
      id: a.id,
      title: a.title,
      agendaItemId: a.agendaItemId,
      decisionId: a.decisionId,
      ownerOrganisation: a.owner.organisationName,
      dueDate: a.dueDate,
      status: a.status,
      completedOn: m.actionDates[a.id]?.completedOn ?? null,
    })),
  };
}

/** Everything of the programme the taker may see, as the snapshot stores it. Refused when the taker sees only part. */
export async function collectSnapshotContent(db: Kysely<Database>, actor: Actor, programmeId: string, periodStart: string, now: Date): Promise<SnapshotContent> {
  const programme = await getProgrammeForReport(db, actor, programmeId);
  const peildatum = calendarDate(now);
  const all = await listActivitiesOfProgramme(db, programmeId);
  const activities = await listActivityDetailsForReport(db, actor, programmeId, now);
  if (activities.length !== all.length) {
    throw new AppError('report.partial_view', 403, 'You do not see every activity of this programme, so a snapshot of it would be incomplete');
  }
  const goals = await listGoalDetailsForReport(db, actor, programmeId);
  const years: number[] = [];
  for (let y = Number(periodStart.slice(0, 4)); y <= Number(peildatum.slice(0, 4)); y += 1) years.push(y);
  const money = await programmeMoneyForReport(db, actor, programmeId, years, peildatum);
  const meetings = await listProgrammeMeetingsForReport(
    db,
    actor,
    { municipalityCode: programme.municipalityCode, areaCodes: programme.areas.map((a) => a.code), programmeId, goalIds: goals.map((g) => g.id), activityIds: all.map((a) => a.id) },
    now,
  );
  const map = await collectSnapshotMap(db, actor, { areaCodes: programme.areas.map((a) => a.code), goalIndicators: goals.map((g) => g.indicator), peildatum });
  const content: SnapshotContent = {
    schemaVersion: 1,
    programme: {
      id: programme.id,
      name: programme.name,
      municipalityCode: programme.municipalityCode,
      ambition: programme.ambition,
      horizonStart: programme.horizonStart,
      horizonEnd: programme.horizonEnd,
      isDemo: programme.isDemo,
      areas: programme.areas,
    },
    pillars: [...programme.pillars].sort((a, b) => a.position - b.position).map((p) => ({ id: p.id, name: p.name })),
    strategicGoals: [...programme.strategicGoals].sort((a, b) => a.position - b.position).map((g) => ({ id: g.id, name: g.name, pillarId: g.pillarId })),
    goals: goals.map((g) => ({
      id: g.id,
      name: g.name,
      strategicGoalId: g.strategicGoalId,
      indicatorName: g.indicatorName,
      unit: g.unit,
      decimals: g.decimals,
      areaName: g.areaName,
      baseline: g.baseline,
      baselineDate: g.baselineDate,
      targetKind: g.targetKind,
      target: g.target,
      targetDate: g.targetDate,
      status: g.status,
      latest: g.latest,
      expected: g.expected,
      shortfall: g.shortfall,
      isExample: g.isExample,
      measurements: g.measurements,
    })),
    activities: activities.map(toSnapshotActivity),
    money: {
      years: money.budgets.map((b) => ({
        year: b.year,
        totals: b.totals,
        sources: b.fundingSources.map((s) => ({ id: s.id, name: s.name, kind: s.kind, budgetCents: s.budgetCents, committedCents: s.committedCents, spentCents: s.spentCents, pendingCents: s.pendingCents, remainingCents: s.remainingCents, forecastCents: s.forecastCents })),
      })),
      sources: money.sources.map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        funderName: s.funderName,
        reference: s.reference,
        conditions: s.conditions,
        illustrative: s.illustrative,
        totalCents: s.totalCents,
        receivedCents: s.receivedCents,
        allocatedCents: s.allocatedCents,
        spentCents: s.spentCents,
        spendFrom: s.spendFrom,
        spendUntil: s.spendUntil,
        repayUnspent: s.repayUnspent,
        repayment: s.repayment,
        tranches: s.tranches.map((t) => ({ seq: t.seq, amountCents: t.amountCents, dueDate: t.dueDate, receivedDate: t.receivedDate, receivedCents: t.receivedCents })),
        obligations: s.obligations.map((o) => ({ kind: o.kind, dueDate: o.dueDate, description: o.description, deliveredOn: o.deliveredOn })),
        activities: s.activities.map((a) => ({ activityId: a.activityId, activityName: a.activityName, allocatedCents: a.allocatedCents, spentCents: a.spentCents })),
      })),
    },
    meetings: meetings.map(toSnapshotMeeting),
    ...(map ? { map } : {}),
  };
  return SnapshotContent.parse(content);
}

export async function takeSnapshot(db: Kysely<Database>, actor: Actor, programmeId: string, input: TakeSnapshot, now: Date, options: { isDemo?: boolean } = {}): Promise<SnapshotSummary> {
  const peildatum = calendarDate(now);
  if (input.periodStart > peildatum) throw invalid('report.invalid_period', 'The period must start on or before the peildatum', [{ path: 'body.periodStart', message: `must not lie after the peildatum ${peildatum}`, code: 'date_in_future' }]);
  if (input.periodStart < addYears(peildatum, -MAX_PERIOD_YEARS)) {
    throw invalid('report.invalid_period', `A report period is at most ${MAX_PERIOD_YEARS} years`, [
      // The code and the first day allowed let the form say the limit in words (issue 13, item 7).
      { path: 'body.periodStart', message: `must not lie more than ${MAX_PERIOD_YEARS} years before the peildatum`, code: 'out_of_range', params: { minimum: addYears(peildatum, -MAX_PERIOD_YEARS) } },
    ]);
  }
  const content = await collectSnapshotContent(db, actor, programmeId, input.periodStart, now);
  const text = JSON.stringify(content);
  const sha256 = createHash('sha256').update(text).digest('hex');
  const id = await db.transaction().execute(async (tx) => {
    const id = await insertSnapshot(reportsDb(tx), {
      programmeId,
      municipalityCode: content.programme.municipalityCode,
      title: input.title,
      periodStart: input.periodStart,
      peildatum,
      content: text,
      sha256,
      isDemo: options.isDemo ?? false,
      takenBy: actor.userId,
      takenByName: actor.displayName,
      takenAt: now,
    });
    await withAudit(tx, actor, 'report.snapshot.take', { type: 'report_snapshot', id }, { programmeId, periodStart: input.periodStart, peildatum, sha256 });
    return id;
  });
  const row = await findSnapshot(reportsDb(db), id);
  if (!row) throw new AppError('report.snapshot_lost', 500, 'The snapshot was not stored');
  return toSummary(row);
}

export async function listSnapshots(db: Kysely<Database>, actor: Actor, programmeId: string): Promise<SnapshotSummary[]> {
  if (!(await canActorSeeProgramme(db, actor, programmeId))) throw notFound('Programme', 'programme.not_found');
  return (await findSnapshotsOfProgramme(reportsDb(db), programmeId)).map(toSummary);
}

/**
 * A snapshot, for a reader who may see all of it now: the programme (area scope), and every activity and
 * meeting it holds (by the programmes and meetings modules' rules). Otherwise 404, like an unknown one.
 */
export async function readSnapshot(db: Kysely<Database>, actor: Actor, id: string): Promise<SnapshotDetail> {
  const row = await findSnapshot(reportsDb(db), id);
  if (!row || !(await canActorSeeProgramme(db, actor, row.programme_id))) throw notFound('Report snapshot', 'report.snapshot_not_found');
  const content = SnapshotContent.parse(JSON.parse(row.content));
  const activityIds = content.activities.map((a) => a.id);
  const meetingIds = content.meetings.map((m) => m.id);
  const [seenActivities, seenMeetings] = await Promise.all([visibleActivityIds(db, actor, activityIds), visibleMeetingIds(db, actor, meetingIds)]);
  if (activityIds.some((a) => !seenActivities.has(a)) || meetingIds.some((m) => !seenMeetings.has(m))) throw notFound('Report snapshot', 'report.snapshot_not_found');
  return { ...toSummary(row), content };
}
