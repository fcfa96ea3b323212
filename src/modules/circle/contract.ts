import { z } from 'zod';
import { IsoDate, IsoDateTime } from '../../platform/shared/dates.js';

/** API shapes of the learning circle (docs/circle.md). Shared by server and web. */

export const SHARE_LEVELS = ['internal', 'circle', 'public'] as const;
export const ShareLevel = z.enum(SHARE_LEVELS);
export type ShareLevel = z.infer<typeof ShareLevel>;
/** The levels that leave the installation in a bundle. */
export const SharedLevel = z.enum(['circle', 'public']);

/** The item kinds this build can share and show (server/item-kinds.ts is the registry). */
export const ITEM_KINDS = ['lesson', 'mkba', 'trend', 'evaluation'] as const;
export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

export const MEETING_PARTS = ['nieuws', 'intervisie', 'thema', 'projectbezoek'] as const;
export const MeetingPart = z.enum(MEETING_PARTS);
export type MeetingPart = z.infer<typeof MeetingPart>;

export const MIN_MEMBERS_FOR_MEDIAN = 5;

export const IdParams = z.strictObject({ id: z.uuid() });
export const MunicipalityCode = z.string().regex(/^GM\d{4}$/, 'a CBS gemeentecode such as GM0505');
export const IndicatorCode = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'an indicator code');
export const IndicatorParams = z.strictObject({ indicator: IndicatorCode });
const Name = z.string().trim().min(1).max(200);
const Day = IsoDate;
const Tag = z.string().trim().min(1).max(50);

// ——— Identity and members (administrator) ———

export const Identity = z.object({
  name: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  publicKey: z.string(),
  fingerprint: z.string(),
  /** The last rotation of this installation's key: the key it replaced and when; null before any rotation. */
  rotation: z.object({ previousFingerprint: z.string(), rotatedAt: z.string() }).nullable(),
});
export type Identity = z.infer<typeof Identity>;
export const UpdateIdentity = z.strictObject({ name: Name, municipalityCode: MunicipalityCode });
export type UpdateIdentity = z.infer<typeof UpdateIdentity>;

export const Member = z.object({
  id: z.string(),
  name: z.string(),
  municipalityCode: z.string(),
  fingerprint: z.string(),
  lastSequence: z.number().int(),
  lastImportedAt: z.string().nullable(),
  itemCount: z.number().int(),
  /** A revoked member stays on the list with when and why; its bundles are refused (docs/circle.md). */
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
});
export type Member = z.infer<typeof Member>;
export const MemberList = z.object({ items: z.array(Member) });
export const AddMember = z.strictObject({ name: Name, municipalityCode: MunicipalityCode, publicKey: z.string().trim().min(40).max(200) });
export type AddMember = z.infer<typeof AddMember>;
export const RevokeMember = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export type RevokeMember = z.infer<typeof RevokeMember>;

// ——— Lessons and meetings ———

export const Lesson = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  theme: z.string(),
  areaName: z.string().nullable(),
  tags: z.array(z.string()),
  meetingId: z.string().nullable(),
  meetingPart: MeetingPart.nullable(),
  isIllustrative: z.boolean(),
  shareLevel: ShareLevel,
  createdAt: z.string(),
});
export type Lesson = z.infer<typeof Lesson>;
export const LessonList = z.object({ items: z.array(Lesson) });
export const CreateLesson = z.strictObject({
  title: Name,
  text: z.string().trim().min(1).max(8000),
  theme: z.string().trim().min(1).max(100),
  areaName: Name.nullable().optional(),
  tags: z.array(Tag).max(20).optional(),
  meetingId: z.uuid().nullable().optional(),
  meetingPart: MeetingPart.nullable().optional(),
});
export type CreateLesson = z.infer<typeof CreateLesson>;
/** A lesson's content can be changed; the meeting it came from stays as it was written down. */
export const UpdateLesson = CreateLesson.omit({ meetingId: true, meetingPart: true });
export type UpdateLesson = z.infer<typeof UpdateLesson>;

export const MeetingSummary = z.object({ id: z.string(), heldOn: z.string(), hostMunicipality: z.string(), place: z.string(), isIllustrative: z.boolean(), lessonCount: z.number().int() });
export type MeetingSummary = z.infer<typeof MeetingSummary>;
export const MeetingList = z.object({ items: z.array(MeetingSummary) });
export const Meeting = MeetingSummary.extend({ parts: z.array(z.object({ part: MeetingPart, notes: z.string() })), lessons: z.array(Lesson) });
export type Meeting = z.infer<typeof Meeting>;
const Notes = z.string().trim().max(8000);
export const CreateMeeting = z.strictObject({
  heldOn: Day,
  hostMunicipality: Name,
  place: Name,
  notes: z.strictObject({ nieuws: Notes.optional(), intervisie: Notes.optional(), thema: Notes.optional(), projectbezoek: Notes.optional() }).optional(),
});
export type CreateMeeting = z.infer<typeof CreateMeeting>;
export const MeetingPartParams = z.strictObject({ id: z.uuid(), part: MeetingPart });
export const PartNotes = z.strictObject({ notes: Notes });

// ——— Sharing ———

export const ShareableItem = z.object({ kind: ItemKind, key: z.string(), title: z.string(), level: ShareLevel, isIllustrative: z.boolean() });
export type ShareableItem = z.infer<typeof ShareableItem>;
export const ShareableList = z.object({ items: z.array(ShareableItem) });
export const SetShare = z.strictObject({ kind: ItemKind, key: z.string().trim().min(1).max(100), level: ShareLevel });
export type SetShare = z.infer<typeof SetShare>;

// ——— What goes into a bundle: one payload schema per kind ———

export const LessonPayload = z.strictObject({
  text: z.string().min(1).max(8000),
  theme: z.string().min(1).max(100),
  areaName: z.string().max(200).nullable(),
  tags: z.array(z.string().max(50)).max(20),
  isIllustrative: z.boolean(),
  meeting: z.strictObject({ heldOn: Day, hostMunicipality: z.string().max(200), place: z.string().max(200), part: MeetingPart }).nullable(),
});
export type LessonPayload = z.infer<typeof LessonPayload>;

const Cents = z.number().int().min(-1e15).max(1e15);
export const MkbaPayload = z.strictObject({
  areaName: z.string().max(200),
  package: z.string().max(200),
  baseYear: z.number().int().min(2000).max(2100),
  horizonYears: z.number().int().min(1).max(100),
  discountRate: z.number().min(0).max(15),
  isIllustrative: z.boolean(),
  alternatives: z
    .array(
      z.strictObject({
        name: z.string().max(200),
        pvCostsCents: Cents,
        pvBenefitsCents: Cents,
        ncwCents: Cents,
        benefitCostRatio: z.number().nullable(),
        irrPercent: z.number().nullable(),
        pmItems: z.array(z.string().max(4000)).max(200),
      }),
    )
    .max(50),
});
export type MkbaPayload = z.infer<typeof MkbaPayload>;

export const TrendPayload = z.strictObject({
  indicator: IndicatorCode,
  indicatorName: z.string().max(300),
  unit: z.string().max(100),
  values: z
    .array(z.strictObject({ year: z.number().int().min(1900).max(2199), value: z.number() }))
    .max(200)
    .refine((values) => new Set(values.map((v) => v.year)).size === values.length, 'one value per year'),
});
export type TrendPayload = z.infer<typeof TrendPayload>;

/** An established evaluation (the evaluation module's evaluationForSharing): outcomes only, no names, no evidence. */
const SharedFactor = z.strictObject({ title: z.string().min(1).max(300), explanation: z.string().max(8000) });
export const EvaluationPayload = z.strictObject({
  title: z.string().min(1).max(300),
  programmeName: z.string().max(300),
  areaName: z.string().max(200),
  kind: z.enum(['interim', 'final']),
  peildatum: Day,
  status: z.literal('established'),
  isIllustrative: z.boolean(),
  criteria: z.array(z.strictObject({ framework: z.string().max(200), criterion: z.string().max(300), medianScore: z.number().min(1).max(5).nullable(), conclusion: z.string().max(8000) })).max(200),
  successFactors: z.array(SharedFactor).max(100),
  failureFactors: z.array(SharedFactor).max(100),
});
export type EvaluationPayload = z.infer<typeof EvaluationPayload>;

export const BUNDLE_FORMAT = 'wijkregie-circle-bundle/1' as const;
export const BundleItem = z.strictObject({ kind: z.string().regex(/^[a-z]{1,40}$/), key: z.string().min(1).max(100), level: SharedLevel, title: z.string().min(1).max(300), payload: z.record(z.string(), z.unknown()) });
export type BundleItem = z.infer<typeof BundleItem>;
/**
 * After the issuer rotated its key: the issuer's new key (issuer.publicKey) signed with its previous private key,
 * over the canonical JSON of { format, previousPublicKey, publicKey, rotatedAt } (bundle/rotation.ts). A member
 * that still has the previous key registered verifies this against it and moves to the new key.
 */
export const KeyRotation = z.strictObject({
  previousPublicKey: z.string().min(40).max(200),
  previousFingerprint: z.string().min(1).max(100),
  rotatedAt: IsoDateTime,
  signature: z.string().min(1).max(200),
});
export type KeyRotation = z.infer<typeof KeyRotation>;
export const Bundle = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  issuer: z.strictObject({ name: z.string().min(1).max(200), municipalityCode: MunicipalityCode, publicKey: z.string().min(40).max(200) }),
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  createdAt: IsoDateTime,
  items: z.array(BundleItem).max(5000),
  /** Only in bundles made after a key rotation; a bundle without it is signed and read exactly as before. */
  rotation: KeyRotation.optional(),
  signature: z.string().min(1).max(200),
});
export type Bundle = z.infer<typeof Bundle>;

/** An import: the bundle file's text as it was received (the signature covers its canonical form). */
export const ImportBundle = z.strictObject({ bundle: z.string().min(1).max(900_000) });
export const ImportResult = z.object({
  memberName: z.string(),
  municipalityCode: z.string(),
  sequence: z.number().int(),
  items: z.number().int(),
  withdrawn: z.number().int(),
  skippedUnknownKinds: z.number().int(),
  /** Set when this bundle moved the member to a new key: the fingerprints of the old and the new key. */
  keyRotated: z.object({ previousFingerprint: z.string(), fingerprint: z.string() }).nullable(),
});
export type ImportResult = z.infer<typeof ImportResult>;

// ——— What was received ———

export const ReceivedItem = z.object({ id: z.string(), kind: ItemKind, title: z.string(), level: SharedLevel, isIllustrative: z.boolean(), memberName: z.string(), municipalityCode: z.string(), receivedAt: z.string() });
export type ReceivedItem = z.infer<typeof ReceivedItem>;
/**
 * One received item with what may be shown: a lesson, an MKBA or an evaluation in full; of a trend only the indicator and its
 * years — another member's values never leave the server (they only feed the median).
 */
export const ReceivedDetail = ReceivedItem.extend({
  lesson: LessonPayload.nullable(),
  mkba: MkbaPayload.nullable(),
  evaluation: EvaluationPayload.nullable(),
  trend: z.object({ indicator: z.string(), indicatorName: z.string(), unit: z.string(), years: z.array(z.number().int()) }).nullable(),
});
export type ReceivedDetail = z.infer<typeof ReceivedDetail>;

export const Overview = z.object({
  identity: z.object({ name: z.string().nullable(), municipalityCode: z.string().nullable(), fingerprint: z.string() }).nullable(),
  members: z.array(Member),
  received: z.array(ReceivedItem),
});
export type Overview = z.infer<typeof Overview>;

export const SearchQuery = z.strictObject({ q: z.string().trim().min(1).max(200) });
export const SearchHit = z.object({ source: z.enum(['own', 'member']), kind: z.enum(['lesson', 'evaluation']), id: z.string(), title: z.string(), theme: z.string(), memberName: z.string().nullable() });
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchResult = z.object({ items: z.array(SearchHit) });

// ——— Trend against the circle median ———

export const BenchmarkList = z.object({ threshold: z.number().int(), items: z.array(z.object({ indicator: z.string(), indicatorName: z.string(), membersSharing: z.number().int(), enough: z.boolean() })) });
export type BenchmarkList = z.infer<typeof BenchmarkList>;
export const Benchmark = z.object({
  indicator: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  threshold: z.number().int(),
  membersSharing: z.number().int(),
  enough: z.boolean(),
  /** Empty when fewer than the threshold share the indicator: the page then shows nothing but that. */
  years: z.array(z.object({ year: z.number().int(), own: z.number().nullable(), median: z.number().nullable() })),
});
export type Benchmark = z.infer<typeof Benchmark>;
