import { z } from 'zod';
import { IsoDate } from '../../platform/shared/dates.js';

/** API shapes of the finance module (API.md "Programmes, finance, signals"), shared by server and web. */

export const FUNDING_KINDS = ['rijkssubsidie', 'gemeentelijk_budget', 'partnerbijdrage', 'cofinanciering', 'inzet_in_natura'] as const;
export const FundingKind = z.enum(FUNDING_KINDS);
export type FundingKind = z.infer<typeof FundingKind>;

export const OBLIGATION_KINDS = ['schriftelijke_verantwoording', 'voortgangsrapportage', 'financiele_verantwoording', 'accountantsverklaring'] as const;
export const ObligationKind = z.enum(OBLIGATION_KINDS);

/**
 * Caps on money, at what a municipality can spend (the largest Dutch municipal budget is under € 10 billion a
 * year). They keep every sum, forecast and export exact in JSON numbers (below 2^53 cents) with a wide margin.
 * € 1.000.000.000: one booking, one budget line, an allocation, the approval threshold, and a line's bookings
 * of one kind together. € 10.000.000.000: a funding source, a tranche, a proposal amount, and the bookings of
 * one kind in one programme's year or on all lines one source finances (docs/finance.md "Money").
 */
export const MAX_LINE_CENTS = 100_000_000_000;
export const MAX_TOTAL_CENTS = 1_000_000_000_000;
const wholeCents = (min: number, max: number, words: string) => z.number().int().min(min).max(max, `at most ${words} (${max} cents)`);
/** Whole euro cents; JSON numbers, never fractions. */
export const Cents = wholeCents(0, MAX_TOTAL_CENTS, '€ 10.000.000.000');
export const PositiveCents = wholeCents(1, MAX_TOTAL_CENTS, '€ 10.000.000.000');
export const LineCents = wholeCents(0, MAX_LINE_CENTS, '€ 1.000.000.000');
export const PositiveLineCents = wholeCents(1, MAX_LINE_CENTS, '€ 1.000.000.000');
export { IsoDate };
export const BudgetYear = z.number().int().min(2000).max(2100);
const Text = (max: number) => z.string().trim().min(1).max(max);

export const IdParams = z.strictObject({ id: z.uuid() });

// ---- funding sources ----

export const TrancheInput = z.strictObject({
  amountCents: PositiveCents,
  dueDate: IsoDate,
  receivedDate: IsoDate.nullable().optional(),
  receivedCents: Cents.optional(),
});
export const ObligationInput = z.strictObject({ kind: ObligationKind, dueDate: IsoDate, description: z.string().trim().max(500).default(''), deliveredOn: IsoDate.nullable().optional() });

export const CreateFundingSource = z.strictObject({
  name: Text(200),
  kind: FundingKind,
  funderName: Text(200),
  funderOrganisationId: z.uuid().nullable().optional(),
  coFinancerOrganisationIds: z.array(z.uuid()).max(20).default([]),
  totalCents: Cents,
  conditions: z.string().trim().max(4000).default(''),
  spendFrom: IsoDate,
  spendUntil: IsoDate,
  repayUnspent: z.boolean().default(false),
  viaMunicipalBudget: z.boolean().default(true),
  reference: z.string().trim().max(200).default(''),
  tranches: z.array(TrancheInput).max(60).default([]),
  obligations: z.array(ObligationInput).max(60).default([]),
});
export type CreateFundingSource = z.input<typeof CreateFundingSource>;

export const TrancheParams = z.strictObject({ id: z.uuid(), seq: z.coerce.number().int().min(1).max(60) });
export const RecordTrancheReceipt = z.strictObject({ receivedDate: IsoDate, receivedCents: PositiveCents });

export const Signal = z.object({
  level: z.enum(['alert', 'warning']),
  code: z.enum(['over_budget', 'forecast_overrun', 'tranche_overdue', 'underspend_risk', 'repayment_risk', 'repayment_due', 'accountability_overdue']),
  amountCents: z.number().int().nullable(),
  /** Overrun as basis points of the budget, where that applies. */
  percentBp: z.number().int().nullable(),
  date: z.string().nullable(),
  subject: z.string().nullable(),
  /** What the signal is about: a line, activity, funding source or the programme. The name is null for an activity the caller may not see. */
  scope: z.object({ type: z.enum(['programme', 'activity', 'line', 'funding_source']), id: z.string(), name: z.string().nullable() }),
});
export type Signal = z.infer<typeof Signal>;

/**
 * Money that slips, for the Regie dashboard: a signal of a budget line of this year (overrun, or about to) or
 * of a funding source (late tranche, repayment due or at risk, underspend, accountability overdue), with
 * where it belongs and who owns it: the activity's owner organisation for a line (null when the caller may
 * not see the activity), the funder for a source.
 */
export const MoneySlip = z.object({
  signal: Signal,
  programme: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** For a line: its budget year (the budget page of that programme and year shows it). */
  year: z.number().int().nullable(),
  owner: z.object({ kind: z.enum(['activity_owner', 'funder']), name: z.string().nullable() }),
});
export type MoneySlip = z.infer<typeof MoneySlip>;

export const Tranche = z.object({
  seq: z.number().int(),
  amountCents: z.number().int(),
  dueDate: z.string(),
  receivedDate: z.string().nullable(),
  receivedCents: z.number().int(),
});
export const RepaymentFigures = z.object({
  /** before, running (up to and including the end date) or ended: the spending period on the day asked. */
  phase: z.enum(['before', 'running', 'ended']),
  openCommitmentCents: z.number().int(),
  /** What the source pays for, at most its total: spend plus open commitments, while running projected to the end date. */
  usableCents: z.number().int(),
  /** Ended: to be paid back; running: expected to be paid back at the current pace. Never negative, never more than received. */
  repaymentCents: z.number().int(),
  /** What the funder still owes on what the source pays for (usable − received, when positive). */
  stillToReceiveCents: z.number().int(),
  /** What of the total is not (expected to be) used: it lapses, it is not paid back. */
  unusedCents: z.number().int(),
});
export type RepaymentFigures = z.infer<typeof RepaymentFigures>;

export const FundingSourceSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: FundingKind,
  totalCents: z.number().int(),
  tranches: z.array(Tranche),
  funderName: z.string(),
  spendFrom: z.string(),
  spendUntil: z.string(),
  receivedCents: z.number().int(),
  allocatedCents: z.number().int(),
  spentCents: z.number().int(),
  illustrative: z.boolean(),
  /** Repayment risk (docs/finance.md "Repayment risk"): the same figures every page, alarm, export and report shows. */
  repayment: RepaymentFigures,
  signals: z.array(Signal),
});
export type FundingSourceSummary = z.infer<typeof FundingSourceSummary>;
export const FundingSourceList = z.object({ items: z.array(FundingSourceSummary) });

export const FundingSourceDetail = FundingSourceSummary.extend({
  funderOrganisationId: z.uuid().nullable(),
  coFinancers: z.array(z.object({ id: z.uuid(), name: z.string() })),
  conditions: z.string(),
  repayUnspent: z.boolean(),
  viaMunicipalBudget: z.boolean(),
  reference: z.string(),
  obligations: z.array(z.object({ id: z.uuid(), kind: ObligationKind, dueDate: z.string(), description: z.string(), deliveredOn: z.string().nullable() })),
  /** Spend attributed to this source per activity (its share of each line it finances); no name for an activity the caller may not see. */
  activities: z.array(z.object({ activityId: z.uuid(), activityName: z.string().nullable(), allocatedCents: z.number().int(), spentCents: z.number().int() })),
});
export type FundingSourceDetail = z.infer<typeof FundingSourceDetail>;

export const ExportQuery = z.strictObject({ format: z.enum(['xlsx', 'docx']) });

// ---- budget lines and the overview ----

export const AllocationInput = z.union([
  z.strictObject({ fundingSourceId: z.uuid(), amountCents: PositiveLineCents }),
  z.strictObject({ fundingSourceId: z.uuid(), shareBp: z.number().int().min(1).max(10_000) }),
]);
export const CreateBudgetLine = z.strictObject({
  activityId: z.uuid(),
  year: BudgetYear,
  description: Text(300),
  amountCents: LineCents,
  allocations: z.array(AllocationInput).max(10).default([]),
});
export type CreateBudgetLine = z.input<typeof CreateBudgetLine>;

export const BudgetQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

const Figures = {
  budgetCents: z.number().int(),
  committedCents: z.number().int(),
  spentCents: z.number().int(),
  pendingCents: z.number().int(),
  remainingCents: z.number().int(),
  forecastCents: z.number().int(),
};
/** Activity names are null where the caller may not see the activity (programmes' rule); the money stays visible. */
const ActivityName = z.string().nullable();

export const BudgetLine = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  activityName: ActivityName,
  year: z.number().int(),
  description: z.string(),
  ...Figures,
  allocations: z.array(z.object({ fundingSourceId: z.uuid(), fundingSourceName: z.string(), amountCents: z.number().int(), shareBp: z.number().int().nullable() })),
  uncoveredCents: z.number().int(),
  /** What would be left if every booking that waits for a second person were approved (the booking form's effect). */
  remainingAfterPendingCents: z.number().int(),
  signal: Signal.nullable(),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const Entry = z.object({
  id: z.uuid(),
  budgetLineId: z.uuid(),
  lineDescription: z.string(),
  activityName: ActivityName,
  kind: z.enum(['commitment', 'spend']),
  amountCents: z.number().int(),
  bookedOn: z.string(),
  description: z.string(),
  documentRef: z.string(),
  commitmentId: z.uuid().nullable(),
  status: z.enum(['approved', 'pending', 'rejected']),
  submittedBy: z.string(),
  submittedById: z.uuid().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  /** Why it waits (or waited) for a second person: its own amount, or a split with the same person's recent bookings. */
  approvalReason: z.enum(['amount', 'split']).nullable(),
  /** For a split: this amount plus what the same person booked alone on the line (same kind) in the last 30 days. */
  splitTotalCents: z.number().int().nullable(),
  /** A counter-entry (negative amount) names the entry it reverses; its description is the reason. */
  reversesId: z.uuid().nullable(),
  /** The counter-entry that reverses this entry (approved or waiting), if any. */
  reversedById: z.uuid().nullable(),
});
export type Entry = z.infer<typeof Entry>;

// ---- budget lines proposed from the activity page (docs/finance.md "Proposing a budget line") ----

/** The programme manager proposes a line on an activity, wholly financed by one source; finance decides. */
export const ProposeBudgetLine = z.strictObject({
  activityId: z.uuid(),
  year: BudgetYear,
  fundingSourceId: z.uuid(),
  amountCents: PositiveLineCents,
  description: Text(300),
});
export type ProposeBudgetLine = z.input<typeof ProposeBudgetLine>;

/** A proposed line; until approved it is no budget line and counts in no total. */
export const LineProposal = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  activityId: z.uuid(),
  activityName: ActivityName,
  year: z.number().int(),
  fundingSourceId: z.uuid(),
  fundingSourceName: z.string(),
  amountCents: z.number().int(),
  description: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  proposedBy: z.string(),
  proposedById: z.uuid().nullable(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  /** The budget line approving made. */
  budgetLineId: z.uuid().nullable(),
  /** Whether the caller may approve or reject it (finance, not the proposer). */
  canDecide: z.boolean(),
});
export type LineProposal = z.infer<typeof LineProposal>;

/**
 * What approving a proposed line does: the activity's and the programme's budget of that year before and
 * after, and what is left of the funding source's total once its approved lines (all years), this line and
 * the other waiting proposals on it are counted. Negative left = the source is overcommitted.
 */
export const LineProposalEffect = z.object({
  activityYear: z.object({ budgetCents: z.number().int(), afterCents: z.number().int() }),
  programmeYear: z.object({ budgetCents: z.number().int(), afterCents: z.number().int() }),
  source: z.object({
    totalCents: z.number().int(),
    allocatedCents: z.number().int(),
    otherPendingCents: z.number().int(),
    leftAfterCents: z.number().int(),
    leftAfterPendingCents: z.number().int(),
  }),
});
export type LineProposalEffect = z.infer<typeof LineProposalEffect>;
export const PendingLineProposal = LineProposal.extend({ effect: LineProposalEffect.nullable() });
export type PendingLineProposal = z.infer<typeof PendingLineProposal>;
export const LineProposalList = z.object({ items: z.array(PendingLineProposal) });
/** A decided proposal with the figures after the decision, for the approver's confirmation. */
export const DecidedLineProposal = LineProposal.extend({
  after: z.object({ activityYearBudgetCents: z.number().int(), programmeYearBudgetCents: z.number().int(), sourceLeftCents: z.number().int() }).nullable(),
});
export type DecidedLineProposal = z.infer<typeof DecidedLineProposal>;

/** Money per goal: like pillars, each activity counted under every goal it serves; id null = no goal or hidden. */
const GoalMoney = z.object({ id: z.uuid().nullable(), name: z.string().nullable(), activityCount: z.number().int(), ...Figures });

export const ProgrammeBudget = z.object({
  programme: z.object({ id: z.uuid(), name: z.string() }),
  year: z.number().int(),
  today: z.string(),
  approvalThresholdCents: z.number().int(),
  totals: z.object(Figures),
  activities: z.array(z.object({ id: z.uuid(), name: ActivityName, ...Figures, signal: Signal.nullable() })),
  lines: z.array(BudgetLine),
  spend: z.array(Entry),
  /**
   * Per pillar of the programme (in order): the sum of the lines of the activities that serve it through their
   * goals. An activity serving two pillars counts in both, so pillars do not add up to the total; the last
   * entry (id null) holds the activities without a pillar and those the caller may not see.
   */
  pillars: z.array(z.object({ id: z.uuid().nullable(), name: z.string().nullable(), activityCount: z.number().int(), ...Figures })),
  /**
   * Per strategic goal (in order; an activity serves it directly or through an operational goal under it) and
   * per operational goal (served directly), the same sums as pillars; each list ends with a row (id null) for
   * the activities that serve none of them, or that the caller may not see.
   */
  goals: z.object({
    strategic: z.array(GoalMoney.extend({ pillarName: z.string().nullable() })),
    operational: z.array(GoalMoney.extend({ strategicGoalName: z.string().nullable() })),
  }),
  /** Lines proposed for this year that wait for finance: shown, but not in any figure above. */
  proposedLines: z.array(LineProposal),
  /** This year's lines per funding source: each source's share of budget, commitments, spend and forecast. */
  fundingSources: z.array(z.object({ id: z.uuid(), name: z.string(), kind: FundingKind, ...Figures })),
  alerts: z.array(Signal),
});
export type ProgrammeBudget = z.infer<typeof ProgrammeBudget>;

/**
 * The money of one activity over all its budget years (GET /api/v1/activities/{id}/budget): its lines with
 * their figures, and per year the sum of those lines, for the activity page.
 */
export const ActivityBudget = z.object({
  /** With its period (YYYY-MM-DD): a line can be proposed for the years the activity runs in. */
  activity: z.object({ id: z.uuid(), name: z.string(), programmeId: z.uuid(), start: z.string(), end: z.string() }),
  today: z.string(),
  lines: z.array(BudgetLine),
  years: z.array(z.object({ year: z.number().int(), ...Figures, signal: Signal.nullable() })),
  totals: z.object(Figures),
  /** Proposed lines that wait for finance or were rejected (with the reason); in no figure above. */
  proposals: z.array(LineProposal),
});
export type ActivityBudget = z.infer<typeof ActivityBudget>;

export const ProgrammeOption = z.object({ id: z.uuid(), name: z.string(), activities: z.array(z.object({ id: z.uuid(), name: z.string() })) });
export const ProgrammeOptions = z.object({ items: z.array(ProgrammeOption) });
export type ProgrammeOption = z.infer<typeof ProgrammeOption>;

// ---- commitments, spend, approvals ----

export const CreateEntry = z.strictObject({
  budgetLineId: z.uuid(),
  kind: z.enum(['commitment', 'spend']),
  amountCents: PositiveLineCents,
  bookedOn: IsoDate,
  description: Text(300),
  documentRef: Text(200),
  commitmentId: z.uuid().nullable().optional(),
});
export type CreateEntry = z.input<typeof CreateEntry>;

/** Reversing an approved entry: a counter-entry with this reason; nothing is deleted. */
export const Reversal = z.strictObject({ reason: Text(300) });
export type Reversal = z.input<typeof Reversal>;

export const Decision = z.strictObject({ decision: z.enum(['approve', 'reject']), note: z.string().trim().max(1000).default('') });
/** An overrun: cents over the budget and basis points of the budget (null when the budget is zero). */
const Overrun = z.object({ overCents: z.number().int(), overBp: z.number().int().nullable() });
/** The effect of approving a waiting entry on its line (money/line-effect.ts): left now, after, and after every waiting entry. */
export const LineEffect = z.object({
  budgetCents: z.number().int(),
  remainingCents: z.number().int(),
  remainingAfterCents: z.number().int(),
  remainingAfterPendingCents: z.number().int(),
  over: Overrun.nullable(),
  overWithPending: Overrun.nullable(),
});
export type LineEffect = z.infer<typeof LineEffect>;
/** A waiting entry with the effect approving it has on its line (null when the line's figures are out of range). */
export const PendingEntry = Entry.extend({ lineEffect: LineEffect.nullable() });
export type PendingEntry = z.infer<typeof PendingEntry>;
export const EntryList = z.object({ items: z.array(PendingEntry), approvalThresholdCents: z.number().int() });
/** A decided entry with what its line has left after the decision (null when the line's figures are out of range). */
export const DecidedEntry = Entry.extend({ lineRemainingCents: z.number().int().nullable() });
export type DecidedEntry = z.infer<typeof DecidedEntry>;
/** A proposed new approval threshold; it takes effect only when a second person approves it. */
export const ThresholdProposal = z.strictObject({ approvalThresholdCents: LineCents, reason: Text(1000) });
export type ThresholdProposal = z.input<typeof ThresholdProposal>;
export const SettingChange = z.object({
  id: z.uuid(),
  key: z.literal('approval_threshold_cents'),
  fromCents: z.number().int(),
  toCents: z.number().int(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'superseded']),
  proposedBy: z.string(),
  proposedById: z.uuid().nullable(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
});
export type SettingChange = z.infer<typeof SettingChange>;
/** The threshold in force and the change that waits for a second person, if any. */
export const FinanceSettingsView = z.object({ approvalThresholdCents: z.number().int(), pendingChange: SettingChange.nullable() });
export type FinanceSettingsView = z.infer<typeof FinanceSettingsView>;
export const SettingChangeDecided = z.object({ approvalThresholdCents: z.number().int(), change: SettingChange });

// ---- budget proposals and the budget-effect table ----

export const CreateProposal = z.strictObject({
  title: Text(200),
  reference: z.string().trim().max(200).default(''),
  subject: z.string().trim().max(300).default(''),
  activityId: z.uuid().nullable().optional(),
  firstYear: BudgetYear,
  lastYear: BudgetYear,
  structural: z.boolean().default(true),
  /** Operating costs (overige exploitatielasten) per year, in cents. */
  operating: z.array(z.strictObject({ year: BudgetYear, amountCents: Cents })).max(30).default([]),
  financing: z.array(z.strictObject({ fundingSourceId: z.uuid(), shareBp: z.number().int().min(1).max(10_000) })).max(10).default([]),
  investment: z
    .strictObject({
      amountCents: PositiveCents,
      depreciationYears: z.number().int().min(1).max(100),
      investmentYear: BudgetYear,
      releaseFirstYear: z.boolean().default(false),
    })
    .nullable()
    .optional(),
  /** The interest rate the municipality charges on investments (omslagrente), basis points: 150 = 1,5 %. */
  interestBp: z.number().int().min(0).max(10_000).default(0),
  reserveCoversCapital: z.boolean().default(false),
});
export type CreateProposal = z.input<typeof CreateProposal>;

export const EFFECT_ROW_KEYS = ['depreciation', 'interest', 'release', 'operating', 'coverage', 'toCover'] as const;
const EffectRecord = z.object({ depreciation: z.number().int(), interest: z.number().int(), release: z.number().int(), operating: z.number().int(), coverage: z.number().int(), toCover: z.number().int() });
export const Proposal = z.object({
  id: z.uuid(),
  title: z.string(),
  reference: z.string(),
  subject: z.string(),
  activityId: z.uuid().nullable(),
  illustrative: z.boolean(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  structural: z.boolean(),
  operating: z.array(z.object({ year: z.number().int(), amountCents: z.number().int() })),
  financing: z.array(z.object({ fundingSourceId: z.uuid(), fundingSourceName: z.string(), shareBp: z.number().int(), viaMunicipalBudget: z.boolean(), kind: FundingKind })),
  investment: z.object({ amountCents: z.number().int(), depreciationYears: z.number().int(), investmentYear: z.number().int(), releaseFirstYear: z.boolean() }).nullable(),
  interestBp: z.number().int(),
  reserveCoversCapital: z.boolean(),
  table: z.array(z.object({ year: z.number().int(), exactCents: EffectRecord, thousands: EffectRecord })),
  /** Contributions partners pay directly, outside the municipal budget (not in the table), per year. */
  outsideBudget: z.array(z.object({ year: z.number().int(), amountCents: z.number().int() })),
});
export type Proposal = z.infer<typeof Proposal>;
export const ProposalList = z.object({ items: z.array(Proposal) });
