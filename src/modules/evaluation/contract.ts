import { z } from 'zod';
import { IsoDate } from '../../platform/shared/dates.js';

/** API shapes of the evaluation module (docs/evaluation.md). Shared by server (validation, OpenAPI) and web. */

export const IdParams = z.strictObject({ id: z.uuid() });

export const EVALUATION_KINDS = ['interim', 'final'] as const;
export const EvaluationKind = z.enum(EVALUATION_KINDS);
export type EvaluationKind = z.infer<typeof EvaluationKind>;

/** concept → scoring_open → scoring_closed → established (vastgesteld; read-only for good). */
export const EVALUATION_STATUSES = ['concept', 'scoring_open', 'scoring_closed', 'established'] as const;
export const EvaluationStatus = z.enum(EVALUATION_STATUSES);
export type EvaluationStatus = z.infer<typeof EvaluationStatus>;
/**
 * When the evaluation may be downloaded as a document: once scoring is closed. Before that, scores are hidden
 * from everyone but their own evaluator, and a document would reveal them (docs/evaluation.md, Document).
 */
export const REPORT_STATUSES: readonly EvaluationStatus[] = ['scoring_closed', 'established'];

/** The fixed frameworks: Platform31's six lessons (seeded by the migration) and the programme's own goals. */
export const FRAMEWORKS = ['platform31', 'programme_goals'] as const;
export const FrameworkCode = z.enum(FRAMEWORKS);
export type FrameworkCode = z.infer<typeof FrameworkCode>;

export const FACTOR_KINDS = ['success', 'failure'] as const;
export const FactorKind = z.enum(FACTOR_KINDS);
export type FactorKind = z.infer<typeof FactorKind>;

const Title = z.string().trim().min(1).max(200);
const LongText = z.string().trim().max(4000);

// ---- frameworks ----

export const FrameworkCriterion = z.object({ id: z.uuid(), position: z.number().int(), title: z.string(), explanation: z.string() });
export const Framework = z.object({ code: z.string(), version: z.number().int(), name: z.string(), source: z.string(), criteria: z.array(FrameworkCriterion) });
export type Framework = z.infer<typeof Framework>;
export const FrameworkList = z.object({ items: z.array(Framework) });

// ---- evaluations ----

export const ListQuery = z.strictObject({ programme: z.uuid().optional() });

export const CreateEvaluation = z.strictObject({
  programmeId: z.uuid(),
  title: Title,
  kind: EvaluationKind,
  peildatum: IsoDate,
  frameworks: z.array(FrameworkCode).min(1).max(2),
  /** Factors from the library to take into the new evaluation as lessons to check. */
  adoptFactorIds: z.array(z.uuid()).max(50).default([]),
});
export type CreateEvaluation = z.input<typeof CreateEvaluation>;

export const EvaluationSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  kind: EvaluationKind,
  peildatum: z.string(),
  status: EvaluationStatus,
  isDemo: z.boolean(),
  leadName: z.string(),
  evaluatorCount: z.number().int(),
  /** The caller is one of its evaluators. */
  isEvaluator: z.boolean(),
});
export type EvaluationSummary = z.infer<typeof EvaluationSummary>;
export const EvaluationList = z.object({ items: z.array(EvaluationSummary) });

/** What a goal criterion shows beside it: the goal's current status and figures (programmes module). */
export const GoalFigures = z.object({
  status: z.enum(['on_track', 'at_risk', 'off_track', 'no_data']),
  indicatorName: z.string(),
  unit: z.string(),
  decimals: z.number().int(),
  areaName: z.string(),
  baseline: z.number(),
  target: z.number().nullable(),
  targetDate: z.string(),
  latestValue: z.number().nullable(),
  latestPeriod: z.number().int().nullable(),
});
export type GoalFigures = z.infer<typeof GoalFigures>;

export const ScoreSummary = z.object({
  median: z.number().nullable(),
  /** Highest minus lowest score (null with fewer than two scores). */
  spread: z.number().nullable(),
  scored: z.number().int(),
  notAssessable: z.number().int(),
  /** The evaluators differ by two points or more. */
  disagreement: z.boolean(),
});
export type ScoreSummary = z.infer<typeof ScoreSummary>;

export const EvidenceItem = z.object({
  id: z.uuid(),
  kind: z.enum(['figure', 'activity', 'goal', 'decision', 'document']),
  /** The label stored when linked; for a decision the caller may no longer see, replaced by nothing. */
  label: z.string().nullable(),
  note: z.string(),
  url: z.string().nullable(),
  addedBy: z.string(),
  mine: z.boolean(),
  /** False when the caller may not see what the item points at (an activity or a meeting outside their view). */
  visible: z.boolean(),
  figure: z
    .object({ areaCode: z.string(), indicator: z.string(), year: z.number().int(), value: z.number().nullable(), liveYear: z.number().int().nullable(), liveValue: z.number().nullable(), unit: z.string() })
    .nullable(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const ScoreValue = z.number().int().min(1).max(5).nullable();

export const CriterionView = z.object({
  id: z.uuid(),
  framework: FrameworkCode,
  title: z.string(),
  explanation: z.string(),
  conclusion: z.string(),
  goal: GoalFigures.nullable(),
  /** The caller's own score (null score: "niet te beoordelen"); null when they have not scored it. */
  myScore: z.object({ score: ScoreValue, motivation: z.string() }).nullable(),
  /** Only once the caller may see the others' scores. */
  summary: ScoreSummary.nullable(),
  /** Each evaluator's score: without names until scoring is closed. */
  scores: z.array(z.object({ evaluatorName: z.string().nullable(), score: ScoreValue, motivation: z.string() })).nullable(),
  evidence: z.array(EvidenceItem),
});
export type CriterionView = z.infer<typeof CriterionView>;

export const FactorView = z.object({ id: z.uuid(), kind: FactorKind, title: z.string(), explanation: z.string(), criterionId: z.uuid().nullable(), criterionTitle: z.string().nullable() });
export type FactorView = z.infer<typeof FactorView>;

export const EvaluationDetail = EvaluationSummary.extend({
  /** The programme's areas by name, as they were when the evaluation started. */
  areaName: z.string(),
  lead: z.object({ id: z.uuid(), name: z.string() }),
  isLead: z.boolean(),
  evaluators: z.array(z.object({ id: z.uuid(), name: z.string(), submitted: z.boolean() })),
  /** The caller submitted their scores. */
  submitted: z.boolean(),
  /** The caller may see the other evaluators' scores (they submitted, or scoring is closed). */
  scoresVisible: z.boolean(),
  criteria: z.array(CriterionView),
  factors: z.array(FactorView),
  adoptedFactors: z.array(z.object({ factorId: z.uuid(), kind: FactorKind, title: z.string(), explanation: z.string(), note: z.string(), origin: z.string() })),
});
export type EvaluationDetail = z.infer<typeof EvaluationDetail>;

export const InviteEvaluator = z.strictObject({ userId: z.uuid() });
export const Candidate = z.object({ id: z.uuid(), name: z.string(), organisation: z.string() });
export const CandidateList = z.object({ items: z.array(Candidate) });
export type Candidate = z.infer<typeof Candidate>;

export const Transition = z.strictObject({ to: z.enum(['scoring_open', 'scoring_closed', 'established']) });
export type Transition = z.infer<typeof Transition>;

/** A score of 1–5 needs a motivation; null is "niet te beoordelen" (a motivation is optional then). */
export const SaveScore = z.strictObject({ score: ScoreValue, motivation: LongText.default('') });
export type SaveScore = z.input<typeof SaveScore>;

export const SaveConclusion = z.strictObject({ conclusion: LongText.min(1) });

const Note = z.string().trim().max(2000).default('');
const HttpUrl = z.string().trim().max(2000).regex(/^https?:\/\/[^\s]+$/, 'a web address starting with http:// or https://');
export const AddEvidence = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('figure'), areaCode: z.string().min(1).max(60), indicator: z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'an indicator code'), year: z.number().int().min(1900).max(2199), note: Note }),
  z.strictObject({ kind: z.literal('activity'), activityId: z.uuid(), note: Note }),
  z.strictObject({ kind: z.literal('goal'), goalId: z.uuid(), note: Note }),
  z.strictObject({ kind: z.literal('decision'), decisionId: z.uuid(), note: Note }),
  z.strictObject({ kind: z.literal('document'), title: Title, url: HttpUrl.optional(), note: Note }),
]);
export type AddEvidence = z.input<typeof AddEvidence>;

/** What the caller may link as evidence for this evaluation's programme. */
export const EvidenceOptions = z.object({
  figures: z.array(z.object({ areaCode: z.string(), areaName: z.string(), indicator: z.string(), indicatorName: z.string(), unit: z.string(), year: z.number().int(), value: z.number(), survey: z.boolean() })),
  activities: z.array(z.object({ id: z.uuid(), name: z.string() })),
  goals: z.array(z.object({ id: z.uuid(), name: z.string() })),
  decisions: z.array(z.object({ id: z.uuid(), text: z.string(), meetingTitle: z.string(), heldOn: z.string() })),
});
export type EvidenceOptions = z.infer<typeof EvidenceOptions>;

export const AddFactor = z.strictObject({ kind: FactorKind, title: Title, explanation: LongText.min(1), criterionId: z.uuid().nullable().default(null) });
export type AddFactor = z.input<typeof AddFactor>;

export const AdoptFactor = z.strictObject({ factorId: z.uuid(), note: z.string().trim().max(2000).default('') });
export type AdoptFactor = z.input<typeof AdoptFactor>;

// ---- the factor library ----

export const LibraryQuery = z.strictObject({ q: z.string().trim().max(200).optional(), kind: FactorKind.optional() });
export const LibraryFactor = z.object({
  id: z.uuid(),
  kind: FactorKind,
  title: z.string(),
  explanation: z.string(),
  criterionTitle: z.string().nullable(),
  /** Where it came from: an established evaluation (with its programme and date) or a document. */
  origin: z.discriminatedUnion('type', [
    z.object({ type: z.literal('evaluation'), evaluationId: z.uuid(), evaluationTitle: z.string(), programmeName: z.string(), date: z.string(), isDemo: z.boolean() }),
    z.object({ type: z.literal('document'), source: z.string(), date: z.string().nullable() }),
  ]),
});
export type LibraryFactor = z.infer<typeof LibraryFactor>;
export const FactorLibrary = z.object({ items: z.array(LibraryFactor) });
export type FactorLibrary = z.infer<typeof FactorLibrary>;
