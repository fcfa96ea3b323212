import { z } from 'zod';
import { IsoDate } from '../../platform/shared/dates.js';

/**
 * API shapes of the reports module (docs/reports.md), shared by server and web: snapshots (peildatum), the
 * council letter (raadsinformatiebrief) with its versions and the municipality's template, the document
 * model every format is rendered from, and render jobs.
 */

export { IsoDate };
export const IdParams = z.strictObject({ id: z.uuid() });

// ---- snapshot content: what a report uses, frozen (never signals, never persons' names) ----

const Measurement = z.object({ period: z.number().int(), date: z.string(), value: z.number().nullable(), municipalityValue: z.number().nullable() });
export type SnapshotMeasurement = z.infer<typeof Measurement>;

export const SnapshotGoal = z.object({
  id: z.string(),
  name: z.string(),
  strategicGoalId: z.string().nullable(),
  indicatorName: z.string(),
  unit: z.string(),
  decimals: z.number().int(),
  areaName: z.string(),
  baseline: z.number(),
  baselineDate: z.string(),
  targetKind: z.enum(['fixed', 'municipality_average']),
  target: z.number().nullable(),
  targetDate: z.string(),
  status: z.enum(['on_track', 'at_risk', 'off_track', 'no_data']),
  latest: Measurement.nullable(),
  expected: z.number().nullable(),
  shortfall: z.number().nullable(),
  isExample: z.boolean(),
  measurements: z.array(Measurement),
});
export type SnapshotGoal = z.infer<typeof SnapshotGoal>;

export const SnapshotActivity = z.object({
  id: z.string(),
  name: z.string(),
  ownerOrganisation: z.string(),
  partnerOrganisations: z.array(z.string()),
  start: z.string(),
  end: z.string(),
  status: z.enum(['idea', 'planned', 'running', 'done', 'stopped']),
  progress: z.number().int(),
  slipping: z.boolean(),
  /** Dutch calendar dates of the first move to running, to done, to stopped (from the status history). */
  startedOn: z.string().nullable(),
  finishedOn: z.string().nullable(),
  stoppedOn: z.string().nullable(),
  latestProgress: z.object({ percent: z.number().int(), narrative: z.string(), reportedOn: z.string(), organisationName: z.string().nullable() }).nullable(),
});
export type SnapshotActivity = z.infer<typeof SnapshotActivity>;

const MoneyFigures = {
  budgetCents: z.number().int(),
  committedCents: z.number().int(),
  spentCents: z.number().int(),
  pendingCents: z.number().int(),
  remainingCents: z.number().int(),
  forecastCents: z.number().int(),
};
export const SnapshotBudgetYear = z.object({
  year: z.number().int(),
  totals: z.object(MoneyFigures),
  sources: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), ...MoneyFigures })),
});
export type SnapshotBudgetYear = z.infer<typeof SnapshotBudgetYear>;

export const SnapshotSource = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  funderName: z.string(),
  reference: z.string(),
  conditions: z.string(),
  illustrative: z.boolean(),
  totalCents: z.number().int(),
  receivedCents: z.number().int(),
  allocatedCents: z.number().int(),
  spentCents: z.number().int(),
  spendFrom: z.string(),
  spendUntil: z.string(),
  /** The repayment risk at the peildatum, as finance computes it (docs/finance.md); absent in snapshots taken before it was kept. */
  repayUnspent: z.boolean().optional(),
  repayment: z
    .object({
      phase: z.enum(['before', 'running', 'ended']),
      openCommitmentCents: z.number().int(),
      usableCents: z.number().int(),
      repaymentCents: z.number().int(),
      stillToReceiveCents: z.number().int(),
      unusedCents: z.number().int(),
    })
    .optional(),
  tranches: z.array(z.object({ seq: z.number().int(), amountCents: z.number().int(), dueDate: z.string(), receivedDate: z.string().nullable(), receivedCents: z.number().int() })),
  obligations: z.array(z.object({ kind: z.string(), dueDate: z.string(), description: z.string(), deliveredOn: z.string().nullable() })),
  activities: z.array(z.object({ activityId: z.string(), activityName: z.string().nullable(), allocatedCents: z.number().int(), spentCents: z.number().int() })),
});
export type SnapshotSource = z.infer<typeof SnapshotSource>;

export const SnapshotAction = z.object({
  id: z.string(),
  title: z.string(),
  agendaItemId: z.string().nullable(),
  decisionId: z.string().nullable(),
  /** The owning organisation only: a report names no persons. */
  ownerOrganisation: z.string(),
  dueDate: z.string(),
  status: z.enum(['open', 'in_progress', 'done', 'cancelled']),
  completedOn: z.string().nullable(),
});
export type SnapshotAction = z.infer<typeof SnapshotAction>;

export const SnapshotMeeting = z.object({
  id: z.string(),
  kind: z.enum(['kernteam', 'wijkoverleg', 'casusoverleg', 'other']),
  title: z.string(),
  heldOn: z.string(),
  location: z.string(),
  areaName: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  demo: z.boolean(),
  participants: z.array(z.string()),
  agendaItems: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      title: z.string(),
      noDecisionReason: z.string().nullable(),
      decisions: z.array(z.object({ id: z.string(), text: z.string(), requiresAction: z.boolean() })),
    }),
  ),
  actions: z.array(SnapshotAction),
});
export type SnapshotMeeting = z.infer<typeof SnapshotMeeting>;

/**
 * The map of the programme's area (docs/reports.md "Map"): its buurten (or wijken) with one indicator's
 * figures of one year and their boundaries, simplified, as longitude/latitude rings. Absent in snapshots
 * taken before it was kept, and when the area has no figures with boundaries.
 */
export const SnapshotMap = z.object({
  level: z.enum(['buurt', 'wijk']),
  /** The programme's area (its focus area or wijk), as the map's title names it. */
  areaName: z.string(),
  indicator: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  decimals: z.number().int(),
  /** The year of the figures, and of the boundaries they are shown on. */
  year: z.number().int(),
  boundaryYear: z.number().int(),
  areas: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      /** Null when there is no figure or it is suppressed. */
      value: z.number().nullable(),
      /** Outer rings and holes alike (drawn even-odd), each [longitude, latitude] pairs, closed. */
      rings: z.array(z.array(z.tuple([z.number(), z.number()]))),
    }),
  ),
});
export type SnapshotMap = z.infer<typeof SnapshotMap>;
/** The map block of a document holds the snapshot's map as it is. */
export const MapSpec = SnapshotMap;
export type MapSpec = SnapshotMap;

export const SnapshotContent = z.object({
  schemaVersion: z.literal(1),
  programme: z.object({
    id: z.string(),
    name: z.string(),
    municipalityCode: z.string(),
    ambition: z.string(),
    horizonStart: z.string(),
    horizonEnd: z.string(),
    isDemo: z.boolean(),
    areas: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
  pillars: z.array(z.object({ id: z.string(), name: z.string() })),
  strategicGoals: z.array(z.object({ id: z.string(), name: z.string(), pillarId: z.string().nullable() })),
  goals: z.array(SnapshotGoal),
  activities: z.array(SnapshotActivity),
  money: z.object({ years: z.array(SnapshotBudgetYear), sources: z.array(SnapshotSource) }),
  meetings: z.array(SnapshotMeeting),
  map: SnapshotMap.optional(),
});
export type SnapshotContent = z.infer<typeof SnapshotContent>;

// ---- snapshots ----

export const SnapshotSummary = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  title: z.string(),
  periodStart: z.string(),
  peildatum: z.string(),
  takenAt: z.string(),
  takenBy: z.string(),
  /** SHA-256 of the stored content: the same snapshot always gives the same figures. */
  contentSha256: z.string(),
  isDemo: z.boolean(),
});
export type SnapshotSummary = z.infer<typeof SnapshotSummary>;
export const SnapshotList = z.object({ items: z.array(SnapshotSummary) });
export const SnapshotDetail = SnapshotSummary.extend({ content: SnapshotContent });
export type SnapshotDetail = z.infer<typeof SnapshotDetail>;

export const TakeSnapshot = z.strictObject({
  title: z.string().trim().min(1).max(200),
  /** Start of the report period; the period ends at the peildatum, the day the snapshot is taken. */
  periodStart: IsoDate,
});
export type TakeSnapshot = z.input<typeof TakeSnapshot>;

// ---- the document model every format is rendered from ----

export const DOCUMENT_KINDS = ['progress', 'annual', 'decisions', 'subsidy', 'letter', 'mkba'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const ChartSpec = z.object({
  kind: z.literal('trajectory'),
  unit: z.string(),
  decimals: z.number().int(),
  baseline: z.object({ date: z.string(), value: z.number() }),
  target: z.object({ date: z.string(), value: z.number() }).nullable(),
  measurements: z.array(z.object({ date: z.string(), value: z.number() })),
  municipality: z.array(z.object({ date: z.string(), value: z.number() })),
  peildatum: z.string(),
});
export type ChartSpec = z.infer<typeof ChartSpec>;

export const TableCell = z.union([z.string(), z.object({ text: z.string(), bold: z.boolean().optional() })]);
export type TableCell = z.infer<typeof TableCell>;

export const Block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string(), tone: z.enum(['normal', 'note', 'example']).default('normal') }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.string()) }),
  z.object({ type: z.literal('table'), caption: z.string(), header: z.array(z.string()), rows: z.array(z.array(TableCell)), numeric: z.array(z.boolean()) }),
  z.object({ type: z.literal('chart'), chart: ChartSpec, alt: z.string(), caption: z.string() }),
  z.object({ type: z.literal('map'), map: MapSpec, alt: z.string(), caption: z.string() }),
  z.object({ type: z.literal('fields'), rows: z.array(z.object({ label: z.string(), value: z.string() })) }),
  z.object({ type: z.literal('signature'), closing: z.string(), signers: z.array(z.object({ role: z.string(), name: z.string() })) }),
  z.object({ type: z.literal('toc') }),
]);
export type Block = z.infer<typeof Block>;

export const HouseStyle = z.strictObject({
  /** #rrggbb: headings and table header rows. */
  primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb'),
  /** The font the DOCX names (the reader's Word must have it); the PDF embeds Noto Sans. */
  fontFamily: z.string().trim().min(1).max(60).regex(/^[\w\s-]+$/, 'letters, digits, spaces and hyphens'),
});
export type HouseStyle = z.infer<typeof HouseStyle>;

export const Logo = z.strictObject({
  mediaType: z.literal('image/png'),
  /** Base64 of a PNG of at most 200 kB. */
  dataBase64: z.string().max(280_000).regex(/^[A-Za-z0-9+/]+=*$/, 'base64'),
  alt: z.string().trim().min(1).max(200),
});
export type Logo = z.infer<typeof Logo>;

export const ReportDocument = z.object({
  kind: DocumentKind,
  title: z.string(),
  subtitle: z.string(),
  /** Every document says its peildatum (YYYY-MM-DD). */
  peildatum: z.string(),
  language: z.literal('nl-NL'),
  municipalityName: z.string(),
  style: HouseStyle,
  logo: Logo.nullable(),
  fileName: z.string(),
  blocks: z.array(Block),
});
export type ReportDocument = z.infer<typeof ReportDocument>;

export const DocumentQuery = z.strictObject({
  kind: z.enum(['progress', 'annual', 'decisions', 'subsidy']),
  /** For `decisions`: the meeting; for `subsidy`: the funding source. */
  subject: z.uuid().optional(),
});
export type DocumentQuery = z.infer<typeof DocumentQuery>;
export const FileQuery = DocumentQuery.extend({ format: z.enum(['docx', 'pdf']) });

// ---- the council letter's template, per municipality, versioned ----

export const LETTER_FIELDS = ['aan', 'datum', 'zaaknummer', 'betreft', 'portefeuillehouder', 'begrotingsprogramma', 'kernteam', 'auteur', 'email', 'verantwoordelijke', 'openbaar'] as const;
export const LetterFieldKey = z.enum(LETTER_FIELDS);
export type LetterFieldKey = z.infer<typeof LetterFieldKey>;
export const LETTER_SECTIONS = ['aanleiding', 'informatie', 'vervolg', 'kosten', 'besluiten'] as const;
export const LetterSectionKey = z.enum(LETTER_SECTIONS);
export type LetterSectionKey = z.infer<typeof LetterSectionKey>;

const Label = z.string().trim().min(1).max(200);

export const TemplateContent = z.strictObject({
  /** The document's name as printed, e.g. "Raadsinformatiebrief". */
  documentName: Label,
  municipalityName: Label,
  /** Every header field, in the order printed, with its label. */
  fields: z
    .array(z.strictObject({ key: LetterFieldKey, label: Label }))
    .length(LETTER_FIELDS.length)
    .refine((fields) => new Set(fields.map((f) => f.key)).size === LETTER_FIELDS.length, 'every field once'),
  /** The five sections, in the order printed, with their titles. */
  sections: z
    .array(z.strictObject({ key: LetterSectionKey, title: z.string().trim().min(1).max(300) }))
    .length(LETTER_SECTIONS.length)
    .refine((sections) => new Set(sections.map((s) => s.key)).size === LETTER_SECTIONS.length, 'every section once'),
  signature: z.strictObject({ closing: Label, roles: z.array(Label).min(1).max(4) }),
  logo: Logo.nullable(),
  style: HouseStyle,
});
export type TemplateContent = z.infer<typeof TemplateContent>;

export const TemplateQuery = z.strictObject({ municipality: z.string().regex(/^GM\d{4}$/, 'a CBS gemeente code such as GM0505') });
export const Template = z.object({
  municipality: z.string(),
  version: z.number().int(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
  /** True while the municipality has not saved its own: the built-in default (after Dordrecht's letter). */
  isDefault: z.boolean(),
  content: TemplateContent,
  /** Every saved version, newest first (empty while the default is in force). */
  versions: z.array(z.object({ version: z.number().int(), savedAt: z.string(), savedBy: z.string() })),
});
export type Template = z.infer<typeof Template>;
export const SaveTemplate = z.strictObject({
  municipality: z.string().regex(/^GM\d{4}$/, 'a CBS gemeente code such as GM0505'),
  /** The version the editor started from (0 for the default): a newer one saved meanwhile answers 409. */
  baseVersion: z.number().int().min(0),
  content: TemplateContent,
});
export type SaveTemplate = z.input<typeof SaveTemplate>;

// ---- council letters, versioned drafts ----

const FieldText = z.string().trim().max(300);
export const LetterFields = z.strictObject(Object.fromEntries(LETTER_FIELDS.map((k) => [k, FieldText])) as Record<LetterFieldKey, typeof FieldText>);
export type LetterFields = z.infer<typeof LetterFields>;
const SectionText = z.string().max(20_000);
export const LetterSections = z.strictObject(Object.fromEntries(LETTER_SECTIONS.map((k) => [k, SectionText])) as Record<LetterSectionKey, typeof SectionText>);
export type LetterSections = z.infer<typeof LetterSections>;

export const LetterBody = z.strictObject({
  snapshotId: z.uuid(),
  fields: LetterFields,
  sections: LetterSections,
  /** Names under the signature, one per role of the template (may be empty). */
  signers: z.array(z.string().trim().max(120)).max(4).default([]),
});
export type LetterBody = z.input<typeof LetterBody>;
export const CreateLetter = LetterBody;
export const SaveLetter = LetterBody.extend({
  /** The version the author edited: a newer one saved meanwhile answers 409 instead of being overwritten. */
  baseVersion: z.number().int().min(1),
});
export type SaveLetter = z.input<typeof SaveLetter>;

export const LetterVersionSummary = z.object({ version: z.number().int(), savedAt: z.string(), savedBy: z.string(), snapshotId: z.uuid(), templateVersion: z.number().int() });
export const LetterSummary = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  betreft: z.string(),
  version: z.number().int(),
  savedAt: z.string(),
  savedBy: z.string(),
  snapshotId: z.uuid(),
  peildatum: z.string(),
  isDemo: z.boolean(),
});
export type LetterSummary = z.infer<typeof LetterSummary>;
export const LetterList = z.object({ items: z.array(LetterSummary) });
export const LetterDetail = LetterSummary.extend({
  fields: LetterFields,
  sections: LetterSections,
  signers: z.array(z.string()),
  templateVersion: z.number().int(),
  versions: z.array(LetterVersionSummary),
});
export type LetterDetail = z.infer<typeof LetterDetail>;
export const LetterVersionQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

// ---- render jobs ----

export const RENDER_FORMATS = ['docx', 'pdf'] as const;
export const RenderFormat = z.enum(RENDER_FORMATS);
export type RenderFormat = z.infer<typeof RenderFormat>;
/** A document of a snapshot (its kind, and for `decisions` and `subject` the meeting or source), or a council letter's version. */
export const CreateRender = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(['progress', 'annual', 'decisions', 'subsidy']), snapshotId: z.uuid(), subject: z.uuid().optional(), format: RenderFormat }),
  z.strictObject({ kind: z.literal('letter'), letterId: z.uuid(), version: z.number().int().min(1).optional(), format: RenderFormat }),
]);
export type CreateRender = z.input<typeof CreateRender>;
export const RenderStatus = z.object({
  id: z.uuid(),
  status: z.enum(['running', 'done', 'failed']),
  /** 0–100. */
  progress: z.number().int(),
  fileName: z.string(),
  format: RenderFormat,
});
export type RenderStatus = z.infer<typeof RenderStatus>;
