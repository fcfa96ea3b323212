import { z } from 'zod';
import { IsoDate, IsoDateTime } from '../../platform/shared/dates.js';
import { MunicipalityCode } from '../areas/contract.js';

/**
 * API shapes of the signals module (API.md "Programmes, finance, signals"), shared by server and web.
 * No person value ever travels in a path or query string: references go in request bodies only.
 */

export const CONFIDENTIALITY_LEVELS = ['internal', 'restricted', 'confidential'] as const;
export const Confidentiality = z.enum(CONFIDENTIALITY_LEVELS);
export type Confidentiality = z.infer<typeof Confidentiality>;

const Code = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'a code of lowercase letters, digits and -');
export const CategoryCode = Code;
export const LegalRegimeCode = Code;
const Uuid = z.uuid();
// Buurt or wijk codes only: a signal sits in a neighbourhood, not in a whole city.
const PlaceCode = z.string().regex(/^(WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/, 'a CBS buurt or wijk code (BU05050301, WK050503)');

export const SubjectReference = z.strictObject({ reference: z.string().trim().min(1).max(200) });

export const SignalLocation = z.strictObject({
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  address: z.string().trim().min(1).max(300).optional(),
  areaCode: PlaceCode.optional(),
});
export type SignalLocation = z.infer<typeof SignalLocation>;

const DetailValue = z.union([z.string().trim().min(1).max(200), z.number().int()]);

export const CreateSignal = z.strictObject({
  category: CategoryCode,
  occurredAt: IsoDateTime,
  location: SignalLocation,
  description: z.string().trim().min(1).max(4000),
  confidentiality: Confidentiality,
  legalRegime: LegalRegimeCode,
  purpose: z.string().trim().min(3).max(1000),
  // Omitted: the category's default. Given: it must be a date in the future within the category's maximum.
  retentionUntil: IsoDate.optional(),
  details: z.record(z.string().regex(/^[a-zA-Z]{1,40}$/), DetailValue).optional(),
  persons: z.array(SubjectReference).max(20).optional(),
  groups: z.array(SubjectReference).max(10).optional(),
});
export type CreateSignal = z.infer<typeof CreateSignal>;

export const SignalListQuery = z.strictObject({
  municipality: MunicipalityCode,
  category: CategoryCode.optional(),
  areaCode: PlaceCode.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type SignalListQuery = z.input<typeof SignalListQuery>;

export const SignalCountsQuery = z.strictObject({
  municipality: MunicipalityCode,
  level: z.enum(['buurt', 'wijk']).default('buurt'),
  category: CategoryCode.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type SignalCountsQuery = z.input<typeof SignalCountsQuery>;

export const SignalExportQuery = SignalListQuery.omit({ limit: true, offset: true });

export const IdParams = z.strictObject({ id: Uuid });
export const InterventionParams = z.strictObject({ id: Uuid, interventionId: Uuid });

const OrganisationRef = z.object({ id: z.string(), name: z.string() });

export const SignalSummary = z.object({
  id: z.string(),
  category: z.string(),
  occurredAt: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  address: z.string().nullable(),
  sourceOrganisation: OrganisationRef,
  confidentiality: Confidentiality,
  legalRegime: z.string(),
  retentionUntil: z.string(),
  personCount: z.number().int(),
  groupCount: z.number().int(),
  isDemo: z.boolean(),
});
export type SignalSummary = z.infer<typeof SignalSummary>;
export const SignalList = z.object({ items: z.array(SignalSummary), total: z.number().int() });
export type SignalList = z.infer<typeof SignalList>;

export const Subject = z.object({ pseudonym: z.string(), kind: z.enum(['person', 'group']) });
export const RetentionExtension = z.object({ previousUntil: z.string(), newUntil: z.string(), reason: z.string(), decidedAt: z.string() });

export const Signal = SignalSummary.extend({
  municipality: z.string(),
  wijkCode: z.string().nullable(),
  location: z.object({ lon: z.number().nullable(), lat: z.number().nullable(), address: z.string().nullable() }),
  description: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number()])),
  purpose: z.string(),
  subjects: z.array(Subject),
  retentionExtensions: z.array(RetentionExtension),
  caseIds: z.array(z.string()),
  createdAt: z.string(),
});
export type Signal = z.infer<typeof Signal>;

export const SignalCount = z.object({ areaCode: z.string(), areaName: z.string().nullable(), count: z.number().int().nullable(), suppressed: z.boolean() });
export const SignalCounts = z.object({ items: z.array(SignalCount), threshold: z.number().int(), total: z.number().int().nullable() });
export type SignalCounts = z.infer<typeof SignalCounts>;

export const DetailField = z.object({ name: z.string(), type: z.enum(['integer', 'text', 'enum']), values: z.array(z.string()).optional(), min: z.number().optional(), max: z.number().optional() });
export type DetailField = z.infer<typeof DetailField>;
export const Category = z.object({
  code: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  criminalLaw: z.boolean(),
  allowedRegimes: z.array(z.string()),
  readerKinds: z.array(z.string()),
  allowsPersons: z.boolean(),
  allowsGroups: z.boolean(),
  detailFields: z.array(DetailField),
  defaultRetentionMonths: z.number().int(),
});
export type Category = z.infer<typeof Category>;
export const LegalRegime = z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string(), allowsCriminalLaw: z.boolean(), partnerKinds: z.array(z.string()) });
export type LegalRegime = z.infer<typeof LegalRegime>;
export const Taxonomy = z.object({ categories: z.array(Category), regimes: z.array(LegalRegime) });
export type Taxonomy = z.infer<typeof Taxonomy>;

export const ExtendRetention = z.strictObject({ retentionUntil: IsoDate, reason: z.string().trim().min(10).max(1000) });
export type ExtendRetention = z.infer<typeof ExtendRetention>;

export const Identity = z.object({ pseudonym: z.string(), kind: z.enum(['person', 'group']), reference: z.string() });
export const IdentityList = z.object({ items: z.array(Identity) });

// By the reference the person was registered with, or by a pseudonym seen on a signal or case.
export const SubjectExportRequest = z
  .strictObject({
    reference: z.string().trim().min(1).max(200).optional(),
    pseudonym: z.string().regex(/^[0-9a-f]{64}$/, 'a pseudonym: 64 hexadecimal characters').optional(),
    kind: z.enum(['person', 'group']).default('person'),
  })
  .refine((value) => (value.reference === undefined) !== (value.pseudonym === undefined), { message: 'give either reference or pseudonym', path: ['reference'] });
export type SubjectExportRequest = z.input<typeof SubjectExportRequest>;

export const CreatedSignal = z.object({ id: z.string(), areaCode: z.string(), retentionUntil: z.string(), subjects: z.array(Subject) });

export const UnusualRead = z.object({ id: z.string(), username: z.string(), hour: z.string(), distinctPseudonyms: z.number().int(), createdAt: z.string() });
export const UnusualReadList = z.object({ items: z.array(UnusualRead), threshold: z.number().int() });

/** The columns of a signals CSV (POST /api/v1/signal-imports), and the ones a file must have. */
export const SIGNAL_CSV_COLUMNS = ['external_id', 'category', 'occurred_at', 'lon', 'lat', 'address', 'area_code', 'description', 'confidentiality', 'legal_regime', 'purpose', 'retention_until'] as const;
export const REQUIRED_CSV_COLUMNS = ['external_id', 'category', 'occurred_at', 'description', 'confidentiality', 'legal_regime', 'purpose'] as const;
// rows: signals added; skipped (only when applied): rows whose external_id the organisation imported before.
export const SignalImportResult = z.object({ id: z.string(), rows: z.number().int(), skipped: z.number().int().optional(), status: z.enum(['applied', 'already_imported']) });
export type SignalImportResult = z.infer<typeof SignalImportResult>;

// ---- cases (casus), case meetings and interventions ----
export const FOCUS_KINDS = ['address', 'location', 'person', 'group'] as const;
export const CreateCase = z.strictObject({
  title: z.string().trim().min(3).max(200),
  focusKind: z.enum(FOCUS_KINDS),
  focusAddress: z.string().trim().min(1).max(300).optional(),
  focusReference: z.string().trim().min(1).max(200).optional(),
  purpose: z.string().trim().min(3).max(1000),
  signalIds: z.array(Uuid).min(1).max(200),
});
export type CreateCase = z.infer<typeof CreateCase>;
export const AddCaseSignals = z.strictObject({ signalIds: z.array(Uuid).min(1).max(200) });
export const InterventionKind = z.enum(['preventive', 'repressive']);
export const NewIntervention = z.strictObject({
  kind: InterventionKind,
  description: z.string().trim().min(3).max(1000),
  ownerOrganisationId: Uuid,
  dueDate: IsoDate,
});
export const CreateCaseMeeting = z.strictObject({
  heldOn: IsoDate,
  attendees: z.string().trim().max(1000).default(''),
  decisions: z.array(z.string().trim().min(3).max(1000)).min(1).max(30),
  interventions: z.array(NewIntervention).max(30).default([]),
});
export type CreateCaseMeeting = z.input<typeof CreateCaseMeeting>;
export const UpdateIntervention = z.strictObject({ status: z.enum(['open', 'done', 'cancelled']) });
export const CaseListQuery = z.strictObject({ municipality: MunicipalityCode });

/** A case's status: open → in behandeling (in_progress) → afgesloten (closed, with a reason); a closed case is reopened to in_progress, with a reason. */
export const CASE_STATUSES = ['open', 'in_progress', 'closed'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CASE_CLOSE_REASONS = ['resolved', 'no_further_action', 'referred', 'duplicate', 'other'] as const;
export const CASE_REOPEN_REASONS = ['new_signals', 'not_resolved', 'closed_in_error', 'other'] as const;
export const ChangeCaseStatus = z.strictObject({
  status: z.enum(['in_progress', 'closed']),
  reasonCode: z.enum([...CASE_CLOSE_REASONS, ...CASE_REOPEN_REASONS.filter((r) => r !== 'other')]).optional(),
  reasonText: z.string().trim().max(500).optional(),
});
export type ChangeCaseStatus = z.infer<typeof ChangeCaseStatus>;
export const CaseTimelineEntry = z.object({
  kind: z.enum(['created', 'signals_linked', 'meeting', 'status']),
  at: z.string(),
  by: z.string().nullable(),
  signalCount: z.number().int().optional(),
  heldOn: z.string().optional(),
  fromStatus: CaseStatus.optional(),
  toStatus: CaseStatus.optional(),
  reasonCode: z.string().nullable().optional(),
  reasonText: z.string().nullable().optional(),
});
export type CaseTimelineEntry = z.infer<typeof CaseTimelineEntry>;

export const CaseSummary = z.object({
  id: z.string(),
  title: z.string(),
  focusKind: z.enum(FOCUS_KINDS),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  category: z.string(),
  status: CaseStatus,
  ownerOrganisation: OrganisationRef,
  signalCount: z.number().int(),
  openInterventions: z.number().int(),
  /** The days its case meetings (casusoverleg) were held, oldest first. */
  meetingDates: z.array(z.string()),
  createdAt: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
export const CaseList = z.object({ items: z.array(CaseSummary) });
export const Intervention = z.object({
  id: z.string(),
  meetingId: z.string().nullable(),
  kind: InterventionKind,
  description: z.string(),
  ownerOrganisation: OrganisationRef,
  dueDate: z.string(),
  status: z.enum(['open', 'done', 'cancelled']),
  overdue: z.boolean(),
});
export type Intervention = z.infer<typeof Intervention>;
export const CaseMeeting = z.object({ id: z.string(), heldOn: z.string(), attendees: z.string(), decisions: z.array(z.string()) });
export const Case = CaseSummary.extend({
  municipality: z.string(),
  focusAddress: z.string().nullable(),
  focusPseudonym: z.string().nullable(),
  legalRegime: z.string(),
  confidentiality: Confidentiality,
  purpose: z.string(),
  signals: z.array(SignalSummary),
  meetings: z.array(CaseMeeting),
  interventions: z.array(Intervention),
  timeline: z.array(CaseTimelineEntry),
});
export type Case = z.infer<typeof Case>;
export const CreatedId = z.object({ id: z.string() });

/**
 * Address search for placing a signal (docs/signals.md, "Placing a signal"), answered through our server from
 * the configured Locatieserver. The typed text is an address, not a person reference; it travels in the
 * query string like any search, and query strings are never logged.
 */
export const AddressSuggestionsQuery = z.strictObject({ q: z.string().trim().min(2).max(100) });
export const AddressSuggestion = z.object({ id: z.string(), label: z.string(), type: z.enum(['adres', 'weg']) });
export const AddressSuggestions = z.object({ items: z.array(AddressSuggestion) });
export type AddressSuggestion = z.infer<typeof AddressSuggestion>;
// The Locatieserver's ids: a short prefix and a hash (adr-…, wgd-…).
export const AddressIdParams = z.strictObject({ id: z.string().regex(/^[a-z]{3}-[0-9a-f]{32}$/, 'an address id from the suggestions') });
export const AddressPoint = z.object({
  id: z.string(),
  label: z.string(),
  /** WGS84, rounded to 6 decimals (about 0.1 m), as a point clicked on the map. */
  lon: z.number(),
  lat: z.number(),
  /** The buurt the point lies in, as a signal would be placed; null = outside every known buurt. */
  buurt: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export type AddressPoint = z.infer<typeof AddressPoint>;
