import { z } from 'zod';
import { AreaCodeParam } from '../areas/contract.js';

/**
 * The public area pages' API (docs/publicpages.md): what residents see of a published programme, per area,
 * without logging in. Shared by the server (validation, OpenAPI) and the web pages.
 */

/** A CBS or focus area code (the areas module's form): malformed → 422; well-formed but not public → 404. */
export const PublicAreaParams = z.strictObject({ code: AreaCodeParam });

export const PublicAreaSummary = z.object({
  code: z.string(),
  name: z.string(),
  /** focus (a focus area of several wijken), wijk, buurt or gemeente. */
  level: z.string(),
  municipalityName: z.string().nullable(),
  programmes: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type PublicAreaSummary = z.infer<typeof PublicAreaSummary>;
export const PublicAreaList = z.object({ items: z.array(PublicAreaSummary) });
export type PublicAreaList = z.infer<typeof PublicAreaList>;

export const GOAL_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export const ACTIVITY_STATUSES = ['idea', 'planned', 'running', 'done', 'stopped'] as const;
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;

export const PublicGoal = z.object({
  id: z.uuid(),
  name: z.string(),
  strategicGoalId: z.uuid().nullable(),
  isExample: z.boolean(),
  indicatorName: z.string(),
  unit: z.string(),
  decimals: z.number().int(),
  areaName: z.string(),
  baseline: z.number(),
  baselineDate: z.string(),
  targetKind: z.enum(['fixed', 'municipality_average']),
  target: z.number().nullable(),
  targetDate: z.string(),
  status: z.enum(GOAL_STATUSES),
  statusReason: z.enum(['measured', 'no_measurement_after_baseline', 'no_municipality_value', 'indicator_or_area_unavailable']),
  latest: z.object({ period: z.number().int(), value: z.number().nullable() }).nullable(),
});
export type PublicGoal = z.infer<typeof PublicGoal>;

export const PublicActivity = z.object({
  id: z.uuid(),
  name: z.string(),
  ownerOrganisationName: z.string(),
  partnerOrganisationNames: z.array(z.string()),
  status: z.enum(ACTIVITY_STATUSES),
  /** Percentage of the latest progress report (0 before any). */
  progress: z.number().int(),
  start: z.string(),
  end: z.string(),
  pillarIds: z.array(z.uuid()),
});
export type PublicActivity = z.infer<typeof PublicActivity>;

/** Approved budget lines and approved spending only (no proposals, no bookings awaiting approval), in cents. */
const Money = { budgetCents: z.number().int(), spentCents: z.number().int() };
export const PublicMoneyYear = z.object({
  year: z.number().int(),
  totals: z.object(Money),
  /** Per pillar in order; an activity serving two pillars counts in both; id null = activities without a pillar. */
  pillars: z.array(z.object({ id: z.uuid().nullable(), name: z.string().nullable(), ...Money })),
});
export type PublicMoneyYear = z.infer<typeof PublicMoneyYear>;

export const PublicDecision = z.object({
  id: z.uuid(),
  text: z.string(),
  decidedOn: z.string(),
  meetingKind: z.string(),
  actions: z.array(z.object({ title: z.string(), ownerOrganisationName: z.string(), dueDate: z.string(), status: z.enum(ACTION_STATUSES), overdue: z.boolean() })),
});
export type PublicDecision = z.infer<typeof PublicDecision>;

export const PublicProgramme = z.object({
  id: z.uuid(),
  name: z.string(),
  ambition: z.string(),
  publishedAt: z.string(),
  pillars: z.array(z.object({ id: z.uuid(), name: z.string() })),
  strategicGoals: z.array(z.object({ id: z.uuid(), name: z.string(), pillarId: z.uuid().nullable() })),
  goals: z.array(PublicGoal),
  activities: z.array(PublicActivity),
  money: z.array(PublicMoneyYear),
  decisions: z.array(PublicDecision),
});
export type PublicProgramme = z.infer<typeof PublicProgramme>;

/** One year of a key figure. value null: unknown, or suppressed (too few inhabitants) when `suppressed`. */
export const PublicFigureYear = z.object({
  period: z.number().int(),
  value: z.number().nullable(),
  municipalityValue: z.number().nullable(),
  /** The area against the municipality, 100 = the municipality; null where an index says nothing (counts, classes). */
  index: z.number().nullable(),
  suppressed: z.boolean(),
});
export type PublicFigureYear = z.infer<typeof PublicFigureYear>;

export const PublicKeyFigure = z.object({
  indicator: z.string(),
  name: z.string(),
  unit: z.string(),
  decimals: z.number().int(),
  polarity: z.enum(['higher_is_better', 'lower_is_better', 'neutral']),
  years: z.array(PublicFigureYear),
});
export type PublicKeyFigure = z.infer<typeof PublicKeyFigure>;

/** The licence of the figures: CBS publishes them under CC BY 4.0 with attribution. */
export const FiguresLicence = z.object({ name: z.literal('CC BY 4.0'), url: z.string(), attribution: z.string() });
export const FIGURES_LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.nl', attribution: 'Bron: CBS' } as const;

export const PublicArea = z.object({ code: z.string(), name: z.string(), level: z.string(), municipalityCode: z.string(), municipalityName: z.string().nullable() });
export type PublicArea = z.infer<typeof PublicArea>;

export const PublicFigures = z.object({ area: PublicArea, licence: FiguresLicence, items: z.array(PublicKeyFigure) });
export type PublicFigures = z.infer<typeof PublicFigures>;

export const PublicAreaPage = z.object({
  area: PublicArea,
  programmes: z.array(PublicProgramme),
  figures: z.object({ licence: FiguresLicence, items: z.array(PublicKeyFigure) }),
});
export type PublicAreaPage = z.infer<typeof PublicAreaPage>;

/** Where the open-data files of an area are (the page links them). */
export function figuresFileUrl(areaCode: string, format: 'csv' | 'json'): string {
  return `/api/v1/public/areas/${encodeURIComponent(areaCode)}/figures.${format}`;
}

/** Lessons this municipality shares publicly (the learning circle's level "public"; docs/circle.md). */
export const PublicLesson = z.object({
  title: z.string(),
  text: z.string(),
  theme: z.string(),
  areaName: z.string().nullable(),
  tags: z.array(z.string()),
  isIllustrative: z.boolean(),
  meeting: z.object({ heldOn: z.string(), hostMunicipality: z.string(), part: z.string() }).nullable(),
  recordedOn: z.string(),
});
export type PublicLesson = z.infer<typeof PublicLesson>;
export const PublicLessonList = z.object({ items: z.array(PublicLesson) });
export type PublicLessonList = z.infer<typeof PublicLessonList>;
