import { z } from 'zod';

/** The initiatives module's API shapes, shared by server and web (docs/initiatives.md). */

export const INITIATIVE_STATUSES = ['ingediend', 'ontvankelijk', 'niet_ontvankelijk', 'beoordeeld', 'toegekend', 'afgewezen', 'uitgevoerd', 'verantwoord'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** The statuses a decision can move to through the status route; toegekend goes through the grant route. */
export const STATUS_STEPS = ['ontvankelijk', 'niet_ontvankelijk', 'afgewezen', 'uitgevoerd', 'verantwoord'] as const;

/** An initiative costs at most € 1.000.000: larger plans are not a wijkbudget matter. */
export const MAX_COST_CENTS = 100_000_000;
export const MAX_BUDGET_CENTS = 100_000_000_000;

const visibleText = (max: number) => z.string().trim().min(1).max(max).regex(/\S/, 'must contain text');
const Cents = (max: number) => z.number().int().min(1).max(max);
const AreaCode = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'an area code');

// ---- the public side ----

export const SubmitInitiative = z.strictObject({
  title: visibleText(150),
  description: visibleText(4000),
  areaCode: AreaCode,
  place: z.string().trim().max(300).default(''),
  costCents: Cents(MAX_COST_CENTS),
  goalId: z.uuid(),
  contact: z.strictObject({
    name: visibleText(200),
    email: z.string().trim().max(254).email(),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[0-9+()\s-]*$/, 'digits, spaces, +, - and brackets')
      .default(''),
  }),
});
export type SubmitInitiative = z.input<typeof SubmitInitiative>;

export const Submitted = z.object({ id: z.uuid(), followToken: z.string(), followPath: z.string() });
export type Submitted = z.infer<typeof Submitted>;

/** What the form offers: areas (buurt or wijk) covered by a programme, each with the goals it may serve. */
export const InitiativeOptions = z.object({
  areas: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: z.enum(['wijk', 'buurt']),
      wijkName: z.string(),
      /** The focus area through which a programme covers it (null when the programme names the wijk itself). */
      focusCode: z.string().nullable(),
      /** Whether it has a wijkbudget this (Dutch calendar) year, so the public area page can link to it. */
      wijkbudgetThisYear: z.boolean(),
      goalIds: z.array(z.string()),
    }),
  ),
  goals: z.array(z.object({ id: z.string(), name: z.string(), programmeName: z.string() })),
});
export type InitiativeOptions = z.infer<typeof InitiativeOptions>;

/** The private follow token: 32 random bytes as base64url (submit.service.ts); anything else is malformed. */
export const FollowParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a follow token') });

/** Who decided, as the public sees it: the role and organisation, never the person. */
export const PublicStep = z.object({ status: z.enum(INITIATIVE_STATUSES), reason: z.string(), role: z.string(), organisation: z.string(), at: z.string() });

export const FollowView = z.object({
  title: z.string(),
  areaName: z.string(),
  goalName: z.string(),
  costCents: z.number(),
  status: z.enum(INITIATIVE_STATUSES),
  grantedCents: z.number().nullable(),
  submittedAt: z.string(),
  history: z.array(PublicStep),
});
export type FollowView = z.infer<typeof FollowView>;

export const OverviewParams = z.strictObject({ areaCode: AreaCode });
export const OverviewQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** The public per-area page: where this year's wijkbudget went, per goal and per granted initiative. */
export const WijkbudgetOverview = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  year: z.number(),
  totalCents: z.number(),
  grantedCents: z.number(),
  remainingCents: z.number(),
  perGoal: z.array(z.object({ goalName: z.string(), grantedCents: z.number(), count: z.number() })),
  initiatives: z.array(z.object({ title: z.string(), goalName: z.string(), grantedCents: z.number(), status: z.enum(INITIATIVE_STATUSES), isExample: z.boolean() })),
});
export type WijkbudgetOverview = z.infer<typeof WijkbudgetOverview>;

// ---- the municipality side ----

/** `activity`: the initiative a granted activity came from (the activity page links back to it). */
export const ListQuery = z.strictObject({ status: z.enum(INITIATIVE_STATUSES).optional(), area: AreaCode.optional(), activity: z.uuid().optional() });
export const IdParams = z.strictObject({ id: z.uuid() });

export const InitiativeSummary = z.object({
  id: z.string(),
  activityId: z.string().nullable(),
  title: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  goalName: z.string(),
  costCents: z.number(),
  grantedCents: z.number().nullable(),
  status: z.enum(INITIATIVE_STATUSES),
  submittedAt: z.string(),
  isExample: z.boolean(),
  pendingGrant: z.boolean(),
});
export type InitiativeSummary = z.infer<typeof InitiativeSummary>;
export const InitiativeList = z.object({ items: z.array(InitiativeSummary) });

export const Rubric = z.strictObject({
  goal: z.number().int().min(0).max(3),
  support: z.number().int().min(0).max(3),
  feasibility: z.number().int().min(0).max(3),
  value: z.number().int().min(0).max(3),
});
export type Rubric = z.infer<typeof Rubric>;

export const Step = PublicStep.extend({ decidedBy: z.string() });

export const BudgetCheck = z.object({
  wijkbudgetId: z.string(),
  areaName: z.string(),
  year: z.number(),
  totalCents: z.number(),
  grantedCents: z.number(),
  remainingCents: z.number(),
  /** Also taken by other grants that wait for a second person. */
  pendingCents: z.number(),
  fourEyesThresholdCents: z.number(),
});
export type BudgetCheck = z.infer<typeof BudgetCheck>;

export const InitiativeDetail = InitiativeSummary.extend({
  description: z.string(),
  place: z.string(),
  wijkCode: z.string(),
  goalId: z.string(),
  programmeId: z.string(),
  rubric: Rubric.nullable(),
  rubricTotal: z.number().nullable(),
  rubricPasses: z.boolean().nullable(),
  assessmentNote: z.string(),
  history: z.array(Step),
  budget: BudgetCheck.nullable(),
  /** A grant above the threshold that waits for a second person; canDecide is false for its proposer. */
  grantProposal: z.object({ id: z.string(), amountCents: z.number(), reason: z.string(), proposedBy: z.string(), proposedAt: z.string(), canDecide: z.boolean() }).nullable(),
  contactRemoved: z.boolean(),
  /** The next steps the caller may take, so the page shows only those buttons. */
  allowedSteps: z.array(z.enum(STATUS_STEPS)),
  canAssess: z.boolean(),
  canGrant: z.boolean(),
});
export type InitiativeDetail = z.infer<typeof InitiativeDetail>;

export const StatusChange = z.strictObject({ to: z.enum(STATUS_STEPS), reason: visibleText(2000) });
export type StatusChange = z.infer<typeof StatusChange>;

export const Assessment = z.strictObject({ rubric: Rubric, reason: visibleText(2000) });
export type Assessment = z.infer<typeof Assessment>;

export const GrantInput = z.strictObject({ amountCents: Cents(MAX_COST_CENTS), reason: visibleText(2000) });
export type GrantInput = z.infer<typeof GrantInput>;

export const GrantDecision = z.strictObject({ decision: z.enum(['approve', 'reject']), note: z.string().trim().max(2000).default('') });
export type GrantDecision = z.input<typeof GrantDecision>;

export const Contact = z.object({ name: z.string(), email: z.string(), phone: z.string() });
export const ContactView = z.object({ contact: Contact.nullable(), removedAt: z.string().nullable() });

export const CreateWijkbudget = z.strictObject({
  areaCode: AreaCode,
  year: z.number().int().min(2000).max(2100),
  totalCents: Cents(MAX_BUDGET_CENTS),
  fourEyesThresholdCents: z.number().int().min(0).max(MAX_BUDGET_CENTS).default(500_000),
});
export type CreateWijkbudget = z.input<typeof CreateWijkbudget>;

export const WijkbudgetSummary = z.object({
  id: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  year: z.number(),
  totalCents: z.number(),
  grantedCents: z.number(),
  remainingCents: z.number(),
  fourEyesThresholdCents: z.number(),
  fundingSourceId: z.string(),
  isDemo: z.boolean(),
});
export type WijkbudgetSummary = z.infer<typeof WijkbudgetSummary>;
export const WijkbudgetList = z.object({ items: z.array(WijkbudgetSummary) });

/** Where the public per-area page lives, for the public area page to link to. */
export function wijkbudgetPublicPath(areaCode: string): string {
  return `/bewoners/wijkbudget/${encodeURIComponent(areaCode)}`;
}
export const SUBMIT_PATH = '/bewoners/initiatief-indienen';
export const FOLLOW_PATH_PREFIX = '/bewoners/initiatief-volgen';
