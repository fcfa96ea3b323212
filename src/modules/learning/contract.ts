import { z } from 'zod';
import { MKBA_ACTORS } from './mkba/calculation.js';

/** API shapes of the learning module (docs/learning.md): so far the MKBA calculator. Shared by server and web. */

export { MKBA_ACTORS, type MkbaActor } from './mkba/calculation.js';

/** The standard real discount rate of Dutch MKBAs since 1 January 2021 (Werkgroep discontovoet 2020), in percent. */
export const STANDARD_DISCOUNT_RATE = 2.25;

export const IdParams = z.strictObject({ id: z.uuid() });
export const MkbaActorSchema = z.enum(MKBA_ACTORS);
export const LINE_KINDS = ['cost', 'benefit'] as const;
export const LineKindSchema = z.enum(LINE_KINDS);

/** A focus area, wijk or buurt: an MKBA is about a place where the package works. */
export const MkbaAreaCode = z.string().regex(/^(WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4}|FA[A-Za-z0-9_-]{1,40})$/, 'a focus area, wijk or buurt code');
const Name = z.string().trim().min(1).max(200);
const LongText = z.string().trim().max(4000);
/** A percentage with at most two decimals, 0–15 %. */
export const DiscountRate = z
  .number()
  .min(0)
  .max(15)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, 'at most two decimals');
export const Year = z.number().int().min(2000).max(2200);
export const AmountCents = z.number().int('whole cents').min(1).max(10_000_000_000_000);

export const CreateMkba = z.strictObject({
  areaCode: MkbaAreaCode,
  name: Name,
  nullAlternative: LongText.min(1),
  baseYear: z.number().int().min(2000).max(2100),
  horizonYears: z.number().int().min(1).max(100),
  discountRate: DiscountRate.default(STANDARD_DISCOUNT_RATE),
  rateJustification: LongText.nullable().optional(),
});
export type CreateMkba = z.input<typeof CreateMkba>;

export const UpdateMkba = z.strictObject({
  name: Name.optional(),
  nullAlternative: LongText.min(1).optional(),
  baseYear: z.number().int().min(2000).max(2100).optional(),
  horizonYears: z.number().int().min(1).max(100).optional(),
  discountRate: DiscountRate.optional(),
  rateJustification: LongText.nullable().optional(),
});
export type UpdateMkba = z.input<typeof UpdateMkba>;

export const AlternativeBody = z.strictObject({ name: Name, description: LongText.optional() });
export type AlternativeBody = z.input<typeof AlternativeBody>;
export const UpdateAlternative = AlternativeBody.partial();
export const MeasureBody = z.strictObject({ name: Name, description: LongText.optional() });
export type MeasureBody = z.input<typeof MeasureBody>;
export const UpdateMeasure = MeasureBody.partial();

export const LineBody = z.strictObject({
  kind: LineKindSchema,
  actor: MkbaActorSchema,
  year: Year,
  /** Whole euro cents in base-year prices; null for a PM item (then the description says what it is). */
  amountCents: AmountCents.nullable(),
  measureId: z.uuid().nullable().optional(),
  description: z.string().trim().max(1000).optional(),
});
export type LineBody = z.input<typeof LineBody>;
export const UpdateLine = LineBody.partial();
export type UpdateLine = z.input<typeof UpdateLine>;

/** `goal`: only the MKBAs with a benefit tied to that programme goal (the goal page's "Gebruikt in MKBA"). */
export const ListQuery = z.strictObject({ area: MkbaAreaCode.optional(), goal: z.uuid().optional() });

/** What a rate or share applies to: the area's own figure (inhabitants, households…) or a number with its source. */
export const QuantityInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('area_figure') }),
  z.strictObject({ kind: z.literal('entered'), value: z.number().positive().max(1_000_000_000), source: z.string().trim().min(1).max(1000) }),
]);
/** A benefit computed from an operational goal of the area's programme × a unit value (docs/learning.md, "Linked benefits"). */
export const LinkedBenefitBody = z.strictObject({
  goalId: z.uuid(),
  actor: MkbaActorSchema,
  /** Euro cents per unit of change (e.g. per incident avoided), in base-year prices. */
  unitValueCents: AmountCents,
  unitValueSource: z.string().trim().min(1).max(1000),
  /** Only for a rate or share; null (or left out) for a count. */
  quantity: QuantityInput.nullable().optional(),
  measureId: z.uuid().nullable().optional(),
  description: z.string().trim().max(1000).optional(),
});
export type LinkedBenefitBody = z.input<typeof LinkedBenefitBody>;
/**
 * Changing a linked benefit: everything but its goal (to use another goal, link it anew). A quantity given is
 * checked against the goal as it is now, like when linking.
 */
export const UpdateLinkedBenefit = LinkedBenefitBody.omit({ goalId: true }).partial();
export type UpdateLinkedBenefit = z.input<typeof UpdateLinkedBenefit>;

export const Measure = z.object({ id: z.uuid(), name: z.string(), description: z.string() });
export type Measure = z.infer<typeof Measure>;
export const Line = z.object({
  id: z.uuid(),
  measureId: z.uuid().nullable(),
  kind: LineKindSchema,
  actor: MkbaActorSchema,
  year: z.number().int(),
  amountCents: z.number().int().nullable(),
  description: z.string(),
});
export type Line = z.infer<typeof Line>;
export const LinkedBenefit = z.object({
  id: z.uuid(),
  measureId: z.uuid().nullable(),
  goalId: z.uuid(),
  actor: MkbaActorSchema,
  unitValueCents: z.number().int(),
  unitValueSource: z.string(),
  quantity: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('area_figure') }),
    z.object({ kind: z.literal('entered'), value: z.number(), source: z.string() }),
  ]),
  description: z.string(),
});
export type LinkedBenefit = z.infer<typeof LinkedBenefit>;
export const Alternative = z.object({ id: z.uuid(), name: z.string(), description: z.string(), measures: z.array(Measure), lines: z.array(Line), linkedBenefits: z.array(LinkedBenefit) });
export type Alternative = z.infer<typeof Alternative>;

const MkbaFields = {
  id: z.uuid(),
  areaCode: z.string(),
  areaName: z.string(),
  municipalityCode: z.string(),
  name: z.string(),
  baseYear: z.number().int(),
  horizonYears: z.number().int(),
  discountRate: z.number(),
  /** Demo figures are illustrative, never real: the page says so. */
  isDemo: z.boolean(),
};
export const MkbaSummary = z.object({ ...MkbaFields, alternativeCount: z.number().int() });
export type MkbaSummary = z.infer<typeof MkbaSummary>;
export const MkbaList = z.object({ items: z.array(MkbaSummary) });
export const MkbaDetail = z.object({
  ...MkbaFields,
  nullAlternative: z.string(),
  rateJustification: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  alternatives: z.array(Alternative),
});
export type MkbaDetail = z.infer<typeof MkbaDetail>;

const Cents = z.number().int();
export const ActorRow = z.object({ actor: MkbaActorSchema, pvCostsCents: Cents, pvBenefitsCents: Cents, balanceCents: Cents });
export const SensitivityRow = z.object({ value: z.number(), ncwCents: Cents, signFlips: z.boolean(), isBase: z.boolean() });
export type SensitivityRow = z.infer<typeof SensitivityRow>;
/** A linked benefit as calculated now: which goal and figures it used, and its amount per year. */
export const LinkedBenefitResult = z.object({
  id: z.uuid(),
  goalId: z.uuid(),
  actor: MkbaActorSchema,
  unitValueCents: z.number().int(),
  unitValueSource: z.string(),
  description: z.string(),
  /** ok: counted; goal_unavailable: the goal was deleted or can no longer be read, or has no target or indicator now — counts 0. */
  state: z.enum(['ok', 'goal_unavailable']),
  goal: z
    .object({
      name: z.string(),
      programmeId: z.uuid(),
      indicatorName: z.string(),
      unit: z.string(),
      decimals: z.number().int(),
      areaName: z.string(),
      baseline: z.number(),
      baselineDate: z.string(),
      target: z.number(),
      targetDate: z.string(),
      /** +1: a rise counts, −1: a fall counts. */
      direction: z.union([z.literal(1), z.literal(-1)]),
    })
    .nullable(),
  /** What a rate or share applies to (1 for a count), where it came from, and how many units one point is about. */
  quantity: z.object({ value: z.number(), source: z.enum(['none', 'area_figure', 'entered']), sourceText: z.string(), per: z.number() }).nullable(),
  years: z.array(z.object({ year: z.number().int(), value: z.number(), effect: z.number(), amountCents: Cents })),
  pvCents: Cents,
});
export type LinkedBenefitResult = z.infer<typeof LinkedBenefitResult>;
export const AlternativeResult = z.object({
  alternativeId: z.uuid(),
  name: z.string(),
  pvCostsCents: Cents,
  pvBenefitsCents: Cents,
  ncwCents: Cents,
  benefitCostRatio: z.number().nullable(),
  /** Percent; null with irrNone saying why. */
  irrPercent: z.number().nullable(),
  irrUnique: z.boolean(),
  irrNone: z.enum(['no_sign_change', 'no_root_found']).nullable(),
  actors: z.array(ActorRow),
  pmItems: z.array(Line),
  linkedBenefits: z.array(LinkedBenefitResult),
  sensitivity: z.object({
    /** value: the rate in percent. */
    rate: z.array(SensitivityRow),
    /** value: the share of the benefits in percent. */
    effectSize: z.array(SensitivityRow),
    /** value: the horizon in years. */
    duration: z.array(SensitivityRow),
  }),
});
export type AlternativeResult = z.infer<typeof AlternativeResult>;
export const MkbaResult = z.object({ mkbaId: z.uuid(), baseYear: z.number().int(), horizonYears: z.number().int(), discountRate: z.number(), isDemo: z.boolean(), alternatives: z.array(AlternativeResult) });
export type MkbaResult = z.infer<typeof MkbaResult>;

/** An operational goal of a programme in the MKBA's area that a benefit can be tied to. */
export const LinkableGoal = z.object({
  id: z.uuid(),
  name: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  baseline: z.number(),
  baselineDate: z.string(),
  target: z.number().nullable(),
  targetDate: z.string(),
  /** A rate or share needs a quantity it applies to; areaQuantity says whether the area's own figure can be used. */
  needsQuantity: z.boolean(),
  areaQuantityName: z.string().nullable(),
});
export type LinkableGoal = z.infer<typeof LinkableGoal>;
export const LinkableGoals = z.object({ items: z.array(LinkableGoal) });
