import { z } from 'zod';
import { AreaCodeParam, AreaLevel, AreaSummary, MunicipalityCode, Year } from '../areas/contract.js';

/** API shapes of the indicators module (API.md "Areas and indicators"), shared by server and web. */

export const POLARITIES = ['higher_is_better', 'lower_is_better', 'neutral'] as const;
export const Polarity = z.enum(POLARITIES);
export const AGGREGATIONS = ['sum', 'weighted_mean', 'none'] as const;
export const Aggregation = z.enum(AGGREGATIONS);
export const IndicatorCode = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'lowercase letters, digits and _, starting with a letter');

export const Indicator = z.object({
  code: z.string(),
  name: z.string(),
  theme: z.string(),
  unit: z.string(),
  polarity: Polarity,
  source: z.string(),
  definition: z.string(),
  aggregation: Aggregation,
  weightIndicator: z.string().nullable(),
  decimals: z.number().int(),
  suppressBelow: z.number().int().nullable(),
});
export type Indicator = z.infer<typeof Indicator>;
export const IndicatorList = z.object({ items: z.array(Indicator) });

export const CreateIndicator = z.strictObject({
  code: IndicatorCode,
  name: z.string().trim().min(1).max(300),
  theme: z.string().trim().min(1).max(100),
  unit: z.string().max(40),
  polarity: Polarity,
  aggregation: Aggregation,
  weightIndicator: IndicatorCode.optional(),
  definition: z.string().max(4000).optional(),
  source: z.string().max(300).optional(),
  decimals: z.number().int().min(0).max(6).optional(),
  suppressBelow: z.number().int().min(0).max(1000).optional(),
});
export type CreateIndicator = z.infer<typeof CreateIndicator>;

export const IndicatorParams = z.strictObject({ code: IndicatorCode });
export const ValuesQuery = z.strictObject({
  municipality: MunicipalityCode.optional(),
  level: z.enum(['gemeente', 'wijk', 'buurt']),
  period: Year,
});
export const IndicatorValue = z.object({ areaCode: z.string(), value: z.number().nullable(), suppressed: z.boolean() });
export const IndicatorValues = z.object({
  indicator: z.string(),
  period: z.number().int(),
  items: z.array(IndicatorValue),
});
export type IndicatorValues = z.infer<typeof IndicatorValues>;

/**
 * The years with figures at a level (the map's year choice: a year may have figures on older boundaries), and
 * per indicator the years in which some area of the level has a value or a suppressed value of it (the
 * indicator picker). An indicator without any figure at the level is not listed.
 */
export const FigureYearsQuery = z.strictObject({ municipality: MunicipalityCode.optional(), level: z.enum(['gemeente', 'wijk', 'buurt']) });
export const IndicatorYears = z.object({ indicator: z.string(), years: z.array(z.number().int()) });
export type IndicatorYears = z.infer<typeof IndicatorYears>;
export const FigureYears = z.object({ years: z.array(z.number().int()), indicators: z.array(IndicatorYears) });
export type FigureYears = z.infer<typeof FigureYears>;

export const ProfileQuery = z.strictObject({ period: Year.optional() });
/**
 * Present when a figure is not simply the area's own of that year (docs/figures.md, "Re-divisions"):
 * `crosswalk` — carried across a re-division into the area's territory, `year` being the year of the change;
 * `older_boundaries` — the area has no boundary (or version) of this year, so the figure sits on those of `year`.
 */
export const FigureBasis = z.object({ kind: z.enum(['crosswalk', 'older_boundaries']), year: z.number().int() });
export type FigureBasis = z.infer<typeof FigureBasis>;
export const Direction = z.enum(['better', 'worse', 'same', 'not_applicable']);
export const ProfileItem = z.object({
  indicator: z.string(),
  value: z.number().nullable(),
  municipalityValue: z.number().nullable(),
  nationalValue: z.number().nullable(),
  /** 100 × value / municipality value; null where not meaningful. */
  index: z.number().nullable(),
  /** Compared with the municipality, using the indicator's polarity. */
  direction: Direction,
  suppressed: z.boolean(),
  /** Focus areas: how the value was made from the members (sum, weighted_mean, or none = cannot aggregate). */
  aggregation: Aggregation.optional(),
  /** Focus areas: how many members had no value (or weight); see aggregation.ts for when that makes it null. */
  missingMembers: z.number().int().optional(),
  basis: FigureBasis.optional(),
});
export type ProfileItem = z.infer<typeof ProfileItem>;
export const Profile = z.object({
  area: AreaSummary.extend({ municipalityCode: z.string() }),
  period: z.number().int().nullable(),
  /** Years with values for this area. */
  periods: z.array(z.number().int()),
  items: z.array(ProfileItem),
});
export type Profile = z.infer<typeof Profile>;

export const SeriesQuery = z.strictObject({ indicator: IndicatorCode });
export const SeriesPoint = z.object({
  period: z.number().int(),
  value: z.number().nullable(),
  municipalityValue: z.number().nullable(),
  /** The gemeente's own figure, or its buurten aggregated by the indicator's rule (null: no value). */
  municipalitySource: z.enum(['own', 'aggregated_from_buurten']).nullable(),
  nationalValue: z.number().nullable(),
  basis: FigureBasis.optional(),
});
export const Series = z.object({ area: z.string(), indicator: z.string(), items: z.array(SeriesPoint) });
export type Series = z.infer<typeof Series>;

export const ExportQuery = z.strictObject({ period: Year.optional(), format: z.enum(['csv', 'xlsx']) });

// ---- priority ranking (afwegingskader) ----

export const RankingCriterion = z.strictObject({
  indicator: IndicatorCode,
  weight: z.number().min(0).max(100),
  /** Which end counts as needing priority; defaults from the indicator's polarity. */
  direction: z.enum(['higher_is_worse', 'lower_is_worse']).optional(),
});
export const RankingRequest = z.strictObject({
  municipality: MunicipalityCode,
  level: z.enum(['wijk', 'buurt']),
  period: Year,
  criteria: z.array(RankingCriterion).min(1).max(30),
});
export type RankingRequest = z.input<typeof RankingRequest>;
export const RankedArea = z.object({
  rank: z.number().int(),
  areaCode: z.string(),
  name: z.string(),
  /** Weighted mean of the criterion z-scores, oriented so that higher = more priority. */
  score: z.number().nullable(),
  scores: z.record(z.string(), z.number().nullable()),
  values: z.record(z.string(), z.number().nullable()),
});
export const RankingResult = z.object({
  items: z.array(RankedArea),
  /** Areas left out because a criterion value is missing or suppressed. */
  excluded: z.array(z.object({ areaCode: z.string(), name: z.string(), missing: z.array(z.string()) })),
  /** Remarks on the computation, e.g. a criterion without spread (z = 0 for every area). */
  notes: z.array(z.string()).optional(),
});
export type RankingResult = z.infer<typeof RankingResult>;
export const SaveRanking = RankingRequest.extend({ name: z.string().trim().min(1).max(200), note: z.string().max(8000).default('') });
export type SaveRanking = z.input<typeof SaveRanking>;
export const SavedRanking = z.object({
  id: z.uuid(),
  name: z.string(),
  note: z.string(),
  municipality: z.string(),
  level: z.enum(['wijk', 'buurt']),
  period: z.number().int(),
  criteria: z.array(z.object({ indicator: z.string(), weight: z.number(), direction: z.enum(['higher_is_worse', 'lower_is_worse']) })),
  createdBy: z.string(),
  createdAt: z.string(),
  result: RankingResult,
});
export type SavedRanking = z.infer<typeof SavedRanking>;
export const SavedRankingList = z.object({ items: z.array(SavedRanking.omit({ result: true })) });

// ---- imports ----

export const IMPORT_KINDS = ['kwb-csv', 'pdok-geojson', 'areas-geojson', 'values-csv', 'crosswalk-csv'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export const ImportResult = z.object({ id: z.uuid(), rows: z.number().int(), status: z.enum(['applied', 'already_applied']) });
export type ImportResult = z.infer<typeof ImportResult>;
export const ImportSummary = z.object({
  id: z.uuid(),
  kind: z.string(),
  fileName: z.string(),
  year: z.number().int().nullable(),
  rows: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  report: z.record(z.string(), z.unknown()),
});
export const ImportList = z.object({ items: z.array(ImportSummary) });

export { AreaCodeParam, AreaLevel, MunicipalityCode };
