import { z } from 'zod';
import { IsoDate } from '../../platform/shared/dates.js';
import { AreaCodeParam, MunicipalityCode } from '../areas/contract.js';
import { IndicatorCode } from '../indicators/contract.js';

/** API shapes of the programmes module (API.md "Programmes, finance, signals"), shared by server and web. */

export { IsoDate };

export const IdParams = z.strictObject({ id: z.uuid() });
export const GoalParams = z.strictObject({ id: z.uuid(), goalId: z.uuid() });

// ---- goal status ----

export const GOAL_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export const GoalStatus = z.enum(GOAL_STATUSES);
export type GoalStatus = z.infer<typeof GoalStatus>;
export const TARGET_KINDS = ['fixed', 'municipality_average'] as const;
export const TargetKind = z.enum(TARGET_KINDS);
export type TargetKind = z.infer<typeof TargetKind>;

// ---- activities ----

export const ACTIVITY_STATUSES = ['idea', 'planned', 'running', 'done', 'stopped'] as const;
export const ActivityStatus = z.enum(ACTIVITY_STATUSES);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

// ---- programmes ----

const Name = z.string().trim().min(1).max(200);
const LongText = z.string().max(8000);

export const ProgrammeSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  horizonStart: z.string(),
  horizonEnd: z.string(),
  municipalityCode: z.string(),
  /** The municipality's name from the area register, shown instead of its code; null when it is not loaded. */
  municipalityName: z.string().nullable(),
  isDemo: z.boolean(),
});
export type ProgrammeSummary = z.infer<typeof ProgrammeSummary>;
export const ProgrammeList = z.object({ items: z.array(ProgrammeSummary) });

export const AreaRef = z.object({ code: z.string(), name: z.string() });
export type AreaRef = z.infer<typeof AreaRef>;

export const Pillar = z.object({ id: z.uuid(), name: z.string(), position: z.number().int() });
export type Pillar = z.infer<typeof Pillar>;
export const StrategicGoal = z.object({ id: z.uuid(), name: z.string(), pillarId: z.uuid().nullable(), position: z.number().int() });
export type StrategicGoal = z.infer<typeof StrategicGoal>;

/** A measured point of the goal's indicator in its area, with the municipality value of the same year. */
export const GoalMeasurement = z.object({
  period: z.number().int(),
  date: z.string(),
  value: z.number().nullable(),
  municipalityValue: z.number().nullable(),
});
export type GoalMeasurement = z.infer<typeof GoalMeasurement>;

export const OperationalGoal = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  strategicGoalId: z.uuid().nullable(),
  name: z.string(),
  /** Indicator code (stable across years) and the area (CBS or focus area code) it is measured in. */
  indicator: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  decimals: z.number().int(),
  polarity: z.enum(['higher_is_better', 'lower_is_better', 'neutral']),
  area: z.string(),
  areaName: z.string(),
  baseline: z.number(),
  baselineDate: z.string(),
  targetKind: TargetKind,
  /** The target value: fixed, or for municipality_average the municipality's value at the latest measurement (null if unknown). */
  target: z.number().nullable(),
  targetDate: z.string(),
  trajectory: z.literal('linear'),
  isExample: z.boolean(),
  status: GoalStatus,
  /** Why the status is what it is, as a code the UI translates. */
  statusReason: z.enum(['measured', 'no_measurement_after_baseline', 'no_municipality_value', 'indicator_or_area_unavailable']),
  latest: GoalMeasurement.nullable(),
  /** The trajectory's value at the latest measurement's date. */
  expected: z.number().nullable(),
  /** How far behind the trajectory, as a share of the planned change (negative = ahead). */
  shortfall: z.number().nullable(),
  /** For municipality_average: whether the municipality value is the gemeente's own figure or aggregated from its buurten. */
  municipalityValueSource: z.enum(['own', 'aggregated_from_buurten']).nullable(),
});
export type OperationalGoal = z.infer<typeof OperationalGoal>;

export const GoalDetail = OperationalGoal.extend({ measurements: z.array(GoalMeasurement) });
export type GoalDetail = z.infer<typeof GoalDetail>;

export const ExecutionProgramme = z.object({ id: z.uuid(), name: z.string(), periodStart: z.string(), periodEnd: z.string() });
export type ExecutionProgramme = z.infer<typeof ExecutionProgramme>;

export const ProgrammeDetail = ProgrammeSummary.extend({
  ambition: z.string(),
  areas: z.array(AreaRef),
  pillars: z.array(Pillar),
  strategicGoals: z.array(StrategicGoal),
  operationalGoals: z.array(OperationalGoal),
  executionProgrammes: z.array(ExecutionProgramme),
  /** Since when residents see the programme on the public area pages (ISO timestamp); null = not public. */
  publishedAt: z.string().nullable(),
});
export type ProgrammeDetail = z.infer<typeof ProgrammeDetail>;

/** PUT /programmes/{id}/publication: show the programme to residents on the public area pages, or stop. */
export const PublicationInput = z.strictObject({ published: z.boolean() });
export type PublicationInput = z.infer<typeof PublicationInput>;

export const ProgrammeInput = z.strictObject({
  name: Name,
  municipality: MunicipalityCode,
  ambition: LongText.default(''),
  horizonStart: IsoDate,
  horizonEnd: IsoDate,
  areas: z.array(AreaCodeParam).max(50).default([]),
  /** The pillars in order. On update, a pillar keeps its id (and its goals' links) when its name is kept. */
  pillars: z.array(Name).max(20).default([]),
  strategicGoals: z.array(z.strictObject({ name: z.string().trim().min(1).max(300), pillar: Name.nullable() })).max(50).default([]),
  executionProgrammes: z.array(z.strictObject({ name: Name, periodStart: IsoDate, periodEnd: IsoDate })).max(20).default([]),
});
export type ProgrammeInput = z.input<typeof ProgrammeInput>;
export type ProgrammeInputParsed = z.output<typeof ProgrammeInput>;

export const GoalInput = z.strictObject({
  name: z.string().trim().min(1).max(300),
  strategicGoalId: z.uuid().nullable().default(null),
  indicator: IndicatorCode,
  area: AreaCodeParam,
  baseline: z.number().finite(),
  baselineDate: IsoDate,
  targetKind: TargetKind,
  /** Required for a fixed target; must be absent for municipality_average (the value comes from the figures). */
  target: z.number().finite().optional(),
  targetDate: IsoDate,
  isExample: z.boolean().default(false),
});
export type GoalInput = z.input<typeof GoalInput>;
export type GoalInputParsed = z.output<typeof GoalInput>;

// ---- activities ----

export const OrganisationRef = z.object({ id: z.uuid(), name: z.string() });
export const ActivityGoalRef = z.object({ id: z.uuid(), kind: z.enum(['strategic', 'operational']), name: z.string() });

export const Activity = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  executionProgrammeId: z.uuid().nullable(),
  name: z.string(),
  description: z.string(),
  owner: z.object({ organisationId: z.uuid(), organisationName: z.string(), userId: z.uuid().nullable(), userName: z.string().nullable() }),
  partners: z.array(OrganisationRef),
  areas: z.array(AreaRef),
  goals: z.array(ActivityGoalRef),
  start: z.string(),
  end: z.string(),
  status: ActivityStatus,
  /** Percentage of the latest progress update (0 before any). */
  progress: z.number().int(),
  /** Past its end date and neither done nor stopped. */
  slipping: z.boolean(),
  /** What the caller may do with it. */
  can: z.object({ edit: z.boolean(), changeStatus: z.boolean(), reportProgress: z.boolean() }),
});
export type Activity = z.infer<typeof Activity>;
export const ActivityList = z.object({ items: z.array(Activity) });

export const Milestone = z.object({ id: z.uuid(), name: z.string(), dueDate: z.string(), reachedOn: z.string().nullable() });
export const ProgressUpdate = z.object({ id: z.uuid(), percent: z.number().int(), narrative: z.string(), reportedAt: z.string(), reportedBy: z.string(), organisationName: z.string().nullable() });
export const StatusChange = z.object({ from: ActivityStatus.nullable(), to: ActivityStatus, note: z.string(), changedAt: z.string(), changedBy: z.string().nullable() });
export const ActivityDetail = Activity.extend({
  milestones: z.array(Milestone),
  progressUpdates: z.array(ProgressUpdate),
  statusHistory: z.array(StatusChange),
  /** The statuses the workflow allows from the current one (whether the caller may use them is in `can`). */
  nextStatuses: z.array(ActivityStatus),
});
export type ActivityDetail = z.infer<typeof ActivityDetail>;

export const ActivityInput = z.strictObject({
  name: z.string().trim().min(1).max(300),
  description: LongText.default(''),
  executionProgrammeId: z.uuid().nullable().default(null),
  ownerOrganisationId: z.uuid(),
  ownerUserId: z.uuid().nullable().default(null),
  partnerOrganisationIds: z.array(z.uuid()).max(30).default([]),
  areas: z.array(AreaCodeParam).max(50).default([]),
  strategicGoalIds: z.array(z.uuid()).max(50).default([]),
  operationalGoalIds: z.array(z.uuid()).max(50).default([]),
  start: IsoDate,
  end: IsoDate,
  milestones: z.array(z.strictObject({ name: z.string().trim().min(1).max(300), dueDate: IsoDate })).max(50).default([]),
});
export type ActivityInput = z.input<typeof ActivityInput>;
export type ActivityInputParsed = z.output<typeof ActivityInput>;

export const StatusChangeInput = z.strictObject({ status: ActivityStatus, note: z.string().max(2000).default('') });
export const ProgressInput = z.strictObject({ percent: z.number().int().min(0).max(100), narrative: z.string().trim().min(1).max(8000) });
export const MilestoneInput = z.strictObject({ name: z.string().trim().min(1).max(300), dueDate: IsoDate });
export const MilestoneReachedInput = z.strictObject({ reachedOn: IsoDate.nullable() });
export const MilestoneParams = z.strictObject({ id: z.uuid(), milestoneId: z.uuid() });

export const TimelineQuery = z.strictObject({ area: AreaCodeParam.optional() });
export const AreaActivitiesParams = z.strictObject({ code: AreaCodeParam });

// ---- neighbourhood development plans ----

export const EVIDENCE_KINDS = ['indicator', 'signal', 'hotspot_analysis'] as const;
export const Evidence = z.object({ id: z.uuid(), kind: z.enum(EVIDENCE_KINDS), reference: z.string(), note: z.string(), label: z.string() });
export const AnalysisItem = z.object({
  id: z.uuid(),
  kind: z.enum(['strength', 'bottleneck']),
  theme: z.string(),
  text: z.string(),
  position: z.number().int(),
  evidence: z.array(Evidence),
});
export type AnalysisItem = z.infer<typeof AnalysisItem>;
export const Priority = z.object({ id: z.uuid(), theme: z.string(), motivation: z.string(), chosenOn: z.string(), endedOn: z.string().nullable() });
export type Priority = z.infer<typeof Priority>;

export const PlanSummary = z.object({
  id: z.uuid(),
  programmeId: z.uuid().nullable(),
  area: AreaRef,
  title: z.string(),
  focusLimit: z.number().int(),
  activePriorities: z.number().int(),
  isDemo: z.boolean(),
});
export const PlanList = z.object({ items: z.array(PlanSummary) });
export const PlanDetail = PlanSummary.extend({
  summary: z.string(),
  analysis: z.array(AnalysisItem),
  priorities: z.array(Priority),
  agenda: z.array(Activity),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const PlanInput = z.strictObject({
  programmeId: z.uuid().nullable().default(null),
  area: AreaCodeParam,
  title: z.string().trim().min(1).max(300),
  summary: LongText.default(''),
  focusLimit: z.number().int().min(1).max(10).default(3),
});
export type PlanInput = z.input<typeof PlanInput>;
export const PlanUpdateInput = z.strictObject({
  title: z.string().trim().min(1).max(300),
  summary: LongText,
  focusLimit: z.number().int().min(1).max(10),
});
export const AnalysisItemInput = z.strictObject({
  kind: z.enum(['strength', 'bottleneck']),
  theme: z.string().trim().min(1).max(100),
  text: z.string().trim().min(1).max(4000),
  /** Indicator codes of the plan's area that back this item. */
  indicators: z.array(IndicatorCode).max(20).default([]),
});
export type AnalysisItemInput = z.input<typeof AnalysisItemInput>;
export const PriorityInput = z.strictObject({ theme: z.string().trim().min(1).max(100), motivation: z.string().max(4000).default(''), chosenOn: IsoDate });
export const PriorityEndInput = z.strictObject({ endedOn: IsoDate });
export const AgendaInput = z.strictObject({ activityIds: z.array(z.uuid()).max(200) });
export const PlanItemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });

// ---- reference lists for the forms ----

export const ProgrammeOptions = z.object({
  organisations: z.array(OrganisationRef.extend({ kind: z.string() })),
  users: z.array(z.object({ id: z.uuid(), name: z.string(), organisationId: z.uuid() })),
});
export type ProgrammeOptions = z.infer<typeof ProgrammeOptions>;

export const PlanListQuery = z.strictObject({ area: AreaCodeParam.optional() });
