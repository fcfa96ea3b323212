import { z } from 'zod';

/** API shapes of the areas module (API.md "Areas and indicators"), shared by server and web. */

export const AREA_LEVELS = ['land', 'gemeente', 'wijk', 'buurt', 'focus'] as const;
export const AreaLevel = z.enum(AREA_LEVELS);
export type AreaLevel = z.infer<typeof AreaLevel>;

export const MunicipalityCode = z.string().regex(/^GM\d{4}$/, 'a CBS gemeente code such as GM0505');
// Wijk and buurt codes may end in capital letters (Amsterdam: WK0363AF, BU0363AF09).
export const AreaCodeParam = z.string().regex(/^(NL00|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4}|FA[A-Za-z0-9_-]{1,40})$/, 'a CBS area code (GM0505, WK050503, BU05050301) or a focus area code');
export const Year = z.coerce.number().int().min(1990).max(2100);

export const AreaListQuery = z.strictObject({
  municipality: MunicipalityCode.optional(),
  level: AreaLevel.optional(),
  year: Year.optional(),
});
export type AreaListQuery = z.input<typeof AreaListQuery>;

export const AreaSummary = z.object({
  code: z.string(),
  name: z.string(),
  level: AreaLevel,
  parentCode: z.string().nullable(),
});
export type AreaSummary = z.infer<typeof AreaSummary>;
export const AreaList = z.object({ items: z.array(AreaSummary), year: z.number().int().nullable() });
export type AreaList = z.infer<typeof AreaList>;

export const AreaParams = z.strictObject({ code: AreaCodeParam });
export const AreaQuery = z.strictObject({
  geometry: z.enum(['true', 'false']).optional(),
  year: Year.optional(),
});

/** GeoJSON geometry, WGS84 (RFC 7946). */
export const Geometry = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.unknown()),
});
export type Geometry = z.infer<typeof Geometry>;

export const AreaDetail = AreaSummary.extend({
  municipalityCode: z.string(),
  year: z.number().int().nullable(),
  /** Every year for which this area has a version. */
  years: z.array(z.number().int()),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  geometry: Geometry.nullable().optional(),
  /** Focus areas: the buurten or wijken they are made of. */
  members: z.array(AreaSummary).optional(),
  /** The chain up to the municipality, nearest first. */
  ancestors: z.array(AreaSummary),
});
export type AreaDetail = z.infer<typeof AreaDetail>;

/** All areas of one level for the map, as a GeoJSON FeatureCollection with code and name properties. */
export const AreaFeaturesQuery = z.strictObject({
  municipality: MunicipalityCode.optional(),
  level: z.enum(['gemeente', 'wijk', 'buurt']),
  year: Year,
});
export const AreaFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() }),
      geometry: Geometry,
    }),
  ),
});
export type AreaFeatureCollection = z.infer<typeof AreaFeatureCollection>;

export const CreateFocusArea = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    municipality: MunicipalityCode,
    description: z.string().max(4000).default(''),
    /** Buurt or wijk codes of this municipality. */
    members: z.array(z.string().regex(/^(WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/)).min(1).max(1000).optional(),
    /** Or a polygon (WGS84): every buurt of `year` whose interior point lies inside becomes a member. */
    polygon: Geometry.optional(),
    year: Year.optional(),
  })
  .refine((v) => (v.members ? 1 : 0) + (v.polygon ? 1 : 0) === 1, { message: 'give either members or a polygon', path: ['members'] });
export type CreateFocusArea = z.input<typeof CreateFocusArea>;
