import { z } from 'zod';
import { IsoDate } from '../../platform/shared/dates.js';
import { MunicipalityCode } from '../areas/contract.js';
import { IndicatorCode } from '../indicators/contract.js';

/** API shapes of the hot-spot analysis (API.md "Hot spots"), shared by server and web. */

export const STATISTICS = ['gi_star', 'local_moran'] as const;
export const Statistic = z.enum(STATISTICS);
export type Statistic = z.infer<typeof Statistic>;

/** Polygons: queen, rook, knn:<k>; H3 cells: ring:<k>. Which fits which source is checked by the service. */
export const Weights = z.string().regex(/^(queen|rook|knn:([1-9]|[1-2][0-9]|30)|ring:[1-5])$/, 'queen, rook, knn:<1-30> for areas or ring:<1-5> for H3 cells');
export const H3_RESOLUTIONS = [6, 7, 8, 9, 10] as const;
export const CellSpec = z.string().regex(/^h3:(6|7|8|9|10)$/, 'h3:<resolution 6-10>');
export const Period = z.union([z.string().regex(/^\d{4}$/, 'a year such as 2020'), z.number().int().min(1990).max(2100)]);

export const IndicatorSource = z.strictObject({
  indicator: IndicatorCode,
  municipality: MunicipalityCode,
  level: z.enum(['wijk', 'buurt']),
  period: Period,
});
export const SignalsSource = z.strictObject({
  signals: z.strictObject({
    municipality: MunicipalityCode,
    from: IsoDate,
    to: IsoDate,
    categories: z.array(z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/)).min(1).max(50).optional(),
    areaCodes: z.array(z.string().regex(/^(GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/)).min(1).max(500).optional(),
  }),
  cell: CellSpec,
});
export const HotspotSource = z.union([IndicatorSource, SignalsSource]);
export type HotspotSource = z.infer<typeof HotspotSource>;

export const HotspotRequest = z.strictObject({
  source: HotspotSource,
  weights: Weights,
  statistic: Statistic,
});
export type HotspotRequest = z.infer<typeof HotspotRequest>;

export const QUADRANTS = ['high-high', 'low-low', 'high-low', 'low-high'] as const;
export const HotspotItem = z.object({
  /** An area code, or an H3 cell index. */
  id: z.string(),
  name: z.string().nullable(),
  /** The indicator value or signal count; null when suppressed (small numbers). */
  value: z.number().nullable(),
  suppressed: z.boolean(),
  z: z.number().nullable(),
  p: z.number().nullable(),
  /** Benjamini–Hochberg adjusted p (p.adjust "BH"); bin follows from it. */
  pAdjusted: z.number().nullable(),
  bin: z.number().int().min(-3).max(3),
  neighbours: z.number().int(),
  /** local_moran only */
  I: z.number().nullable().optional(),
  quadrant: z.enum(QUADRANTS).nullable().optional(),
});
export type HotspotItem = z.infer<typeof HotspotItem>;

export const HotspotResult = z.object({
  items: z.array(HotspotItem),
  n: z.number().int(),
  alpha: z.array(z.number()),
  correction: z.literal('fdr-bh'),
  statistic: Statistic,
  weights: z.string(),
  /** "area" for polygons, "h3:<res>" for H3 cells. */
  cell: z.string(),
  /** The area year the polygons come from (indicator source). */
  year: z.number().int().nullable(),
  /** Areas left out because their value is unknown or suppressed. */
  excluded: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
  /** Signal counts below this are shown as suppressed. */
  suppressBelow: z.number().int().nullable(),
  /** Signal source: when the result must be gone (the earliest retention date of its signals). */
  expiresAt: z.string().nullable(),
  /** Codes of remarks for the reader: few_cells, islands, no_variance. */
  notes: z.array(z.string()),
});
export type HotspotResult = z.infer<typeof HotspotResult>;

export const SaveHotspotAnalysis = z.strictObject({
  name: z.string().trim().min(1).max(200),
  note: z.string().max(4000).optional(),
  request: HotspotRequest,
});
export type SaveHotspotAnalysis = z.infer<typeof SaveHotspotAnalysis>;

export const SavedHotspotSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  note: z.string(),
  municipality: z.string(),
  sourceKind: z.enum(['indicator', 'signals']),
  statistic: Statistic,
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
});
export type SavedHotspotSummary = z.infer<typeof SavedHotspotSummary>;
export const SavedHotspotAnalysis = SavedHotspotSummary.extend({ request: HotspotRequest, result: HotspotResult });
export type SavedHotspotAnalysis = z.infer<typeof SavedHotspotAnalysis>;
export const SavedHotspotList = z.object({ items: z.array(SavedHotspotSummary) });
