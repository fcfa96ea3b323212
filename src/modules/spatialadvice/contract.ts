import { z } from 'zod';
import { IsoDate } from '../../platform/shared/dates.js';

/** API shapes of the spatial-safety advice (docs/spatialadvice.md), shared by server and web. */

export const THEMES = ['zichtbaarheid', 'toegang', 'territorialiteit', 'beheer', 'verlichting', 'levendigheid', 'routes'] as const;
export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;
export const ITEM_KINDS = ['requirement', 'recommendation'] as const;
export const ItemKind = z.enum(ITEM_KINDS);

export const TRIGGER_KINDS = ['hotspot', 'plan', 'public_space', 'masterplan'] as const;
/** What a person may raise by hand; hot spots and plans come from their modules. */
export const MANUAL_TRIGGER_KINDS = ['public_space', 'masterplan'] as const;
export const TRIGGER_STATUSES = ['open', 'scanning', 'advised', 'dismissed'] as const;
export type TriggerStatus = (typeof TRIGGER_STATUSES)[number];

export const DISCIPLINES = ['politie', 'stedenbouw', 'beheer_openbare_ruimte', 'sociaal_werk', 'bewoners', 'corporatie', 'gemeente_veiligheid', 'overig'] as const;
export const Discipline = z.enum(DISCIPLINES);
export type Discipline = z.infer<typeof Discipline>;
export const SCORES = ['voldoet', 'deels', 'voldoet_niet', 'nvt'] as const;
export const Score = z.enum(SCORES);
export type Score = z.infer<typeof Score>;
export const OUTCOMES = ['gunstig', 'voorwaardelijk_gunstig', 'ongunstig'] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;
export const CONDITION_STATUSES = ['open', 'done', 'cancelled'] as const;

/** A photo may be at most this large; it is checked again after the upload. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTOS_PER_SCORE = 5;

export const IdParams = z.strictObject({ id: z.uuid() });
export const ScanItemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
export const TriggerAreaCode = z.string().regex(/^(WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4}|FA[A-Za-z0-9_-]{1,40})$/, 'a focus area, wijk or buurt code');
const ShortText = z.string().trim().max(2000);

export const TriggerListQuery = z.strictObject({
  area: TriggerAreaCode.optional(),
  programme: z.uuid().optional(),
});

export const ManualTrigger = z.strictObject({
  kind: z.enum(MANUAL_TRIGGER_KINDS),
  areaCode: TriggerAreaCode,
  placeName: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).optional(),
  /** A point on the map (WGS84); without it the area stands for the place. */
  point: z.strictObject({ lat: z.number().min(50.5).max(53.7), lon: z.number().min(3.2).max(7.3) }).optional(),
});
export type ManualTrigger = z.infer<typeof ManualTrigger>;

export const HotspotTrigger = z.strictObject({
  analysisId: z.uuid(),
  /** The cell of the saved result: an H3 index or an area code. */
  cell: z.string().regex(/^([0-9a-f]{15}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/, 'an H3 cell or an area code of the analysis'),
});
export type HotspotTrigger = z.infer<typeof HotspotTrigger>;

export const DismissTrigger = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

export const TriggerSummary = z.object({
  id: z.uuid(),
  kind: z.enum(TRIGGER_KINDS),
  status: z.enum(TRIGGER_STATUSES),
  municipalityCode: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  placeName: z.string(),
  description: z.string(),
  point: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  geometry: z.unknown().nullable(),
  /** The analysis' id and name only for who may open that analysis (hotspots); null for anyone else. */
  hotspot: z.object({ analysisId: z.string().nullable(), cell: z.string(), analysisName: z.string().nullable() }).nullable(),
  /** The programme's id and name only for who may open that programme; null for anyone else ("a programme"). */
  programme: z.object({ id: z.string().nullable(), name: z.string().nullable() }).nullable(),
  dismissReason: z.string().nullable(),
  /** Null when there is no scan yet, or the caller may not open it (a partner not invited to it). */
  scanId: z.uuid().nullable(),
  outcome: Outcome.nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
});
export type TriggerSummary = z.infer<typeof TriggerSummary>;
export const TriggerList = z.object({ items: z.array(TriggerSummary) });

export const PlanCheckResult = z.object({ raised: z.number().int() });

// ---- templates ----

export const TemplateItem = z.object({ id: z.uuid(), position: z.number().int(), theme: Theme, kind: ItemKind, text: z.string() });
export type TemplateItem = z.infer<typeof TemplateItem>;
export const Template = z.object({ id: z.uuid(), version: z.number().int(), note: z.string(), publishedAt: z.string(), publishedBy: z.string().nullable(), items: z.array(TemplateItem) });
export type Template = z.infer<typeof Template>;
export const TemplateList = z.object({ items: z.array(Template.omit({ items: true }).extend({ itemCount: z.number().int() })) });
export const PublishTemplate = z.strictObject({
  note: z.string().trim().max(2000).optional(),
  items: z
    .array(z.strictObject({ theme: Theme, kind: ItemKind, text: z.string().trim().min(1).max(1000) }))
    .min(1)
    .max(200),
});
export type PublishTemplate = z.infer<typeof PublishTemplate>;

// ---- scans ----

export const StartScan = z.strictObject({ triggerId: z.uuid() });
export const AddParticipant = z.strictObject({ userId: z.uuid(), discipline: Discipline });
export const ScoreBody = z.strictObject({ score: Score, remark: ShortText.optional(), evidence: ShortText.optional() });
export type ScoreBody = z.infer<typeof ScoreBody>;

/** Why a photo is removed (e.g. a person is recognisable on it); kept in the audit log. */
export const RemovePhoto = z.strictObject({ reason: z.string().trim().min(3).max(500) });
export type RemovePhoto = z.infer<typeof RemovePhoto>;

export const Person = z.object({ id: z.uuid(), name: z.string(), organisation: z.string() });
export const PeopleList = z.object({ items: z.array(Person) });

/** An area a trigger may be raised for by the caller: within their own area scope. */
export const AreaChoice = z.object({ code: z.string(), name: z.string(), level: z.enum(['focus', 'wijk', 'buurt']) });
export type AreaChoice = z.infer<typeof AreaChoice>;
export const AreaChoiceList = z.object({ items: z.array(AreaChoice) });

export const ScoreView = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  itemId: z.uuid(),
  score: Score,
  remark: z.string(),
  evidence: z.string(),
  photoIds: z.array(z.uuid()),
});
export type ScoreView = z.infer<typeof ScoreView>;

export const ConditionView = z.object({
  id: z.uuid(),
  position: z.number().int(),
  text: z.string(),
  ownerUserId: z.uuid(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(CONDITION_STATUSES),
  overdue: z.boolean(),
});
export type ConditionView = z.infer<typeof ConditionView>;

export const ScanDetail = z.object({
  id: z.uuid(),
  trigger: TriggerSummary,
  template: Template,
  participants: z.array(z.object({ id: z.uuid(), userId: z.uuid(), name: z.string(), organisation: z.string(), discipline: Discipline })),
  scores: z.array(ScoreView),
  /** Items where the disciplines that scored them (n.v.t. left out) do not agree. */
  disagreements: z.array(z.uuid()),
  advice: z
    .object({ outcome: Outcome, motivation: z.string(), signedName: z.string(), signedAt: z.string(), conditions: z.array(ConditionView) })
    .nullable(),
  /** What the caller may do here. */
  can: z.object({ manage: z.boolean(), score: z.boolean(), participantId: z.uuid().nullable(), removePhotos: z.boolean() }),
  startedAt: z.string(),
});
export type ScanDetail = z.infer<typeof ScanDetail>;

export const AdviceBody = z.strictObject({
  outcome: Outcome,
  motivation: z.string().trim().min(1).max(8000),
  conditions: z
    .array(z.strictObject({ text: z.string().trim().min(1).max(2000), ownerUserId: z.uuid(), dueDate: IsoDate }))
    .max(30)
    .default([]),
});
export type AdviceBody = z.input<typeof AdviceBody>;

export const ConditionStatusBody = z.strictObject({ status: z.enum(['done', 'cancelled', 'open']) });
export const DocumentQuery = z.strictObject({ format: z.enum(['docx', 'pdf']) });
