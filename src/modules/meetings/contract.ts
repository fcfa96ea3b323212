import { z } from 'zod';
import { MoneySlip } from '../finance/contract.js';

/** API shapes of the meetings module (meetings, agenda, decisions, actions, escalations, direction dashboard). */

const Uuid = z.uuid();
/** A calendar date, YYYY-MM-DD, that exists. */
export const IsoDate = z.iso
  .date({ message: 'a date as YYYY-MM-DD', abort: true })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '2000-01-01' && value <= '2100-12-31';
    },
    // The code and range of src/platform/shared/field-errors.ts, for the words on screen.
    { message: 'a date between 2000-01-01 and 2100-12-31', params: { code: 'out_of_range', minimum: '2000-01-01', maximum: '2100-12-31' } },
  );

const Text = (min: number, max: number) => z.string().trim().min(min).max(max);

/**
 * Every kind a stored meeting may have. `casusoverleg` stays readable for meetings planned before case
 * meetings became one thing with the case (docs/meetings.md); new ones are recorded on their case in signals.
 */
export const MEETING_KINDS = ['kernteam', 'wijkoverleg', 'casusoverleg', 'other'] as const;
export const MeetingKind = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof MeetingKind>;
/** The kinds this module plans; a casusoverleg is recorded on its case, under the signals' need-to-know. */
export const PLANNABLE_MEETING_KINDS = ['kernteam', 'wijkoverleg', 'other'] as const satisfies readonly MeetingKind[];

export const MEETING_STATUSES = ['open', 'closed'] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const LINK_KINDS = ['goal', 'activity', 'priority', 'programme'] as const;
export const LinkKind = z.enum(LINK_KINDS);
export type LinkKind = z.infer<typeof LinkKind>;

/** A typed reference to something an agenda item is about; `priority` is a priority area (its code). */
export const LinkRef = z.strictObject({ kind: LinkKind, id: Text(1, 100) });
export type LinkRef = z.infer<typeof LinkRef>;
export const Link = z.object({ kind: LinkKind, id: z.string(), label: z.string() });
export type Link = z.infer<typeof Link>;

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

export const Owner = z.object({
  userId: Uuid.nullable(),
  userName: z.string().nullable(),
  organisationId: Uuid,
  organisationName: z.string(),
});
export type Owner = z.infer<typeof Owner>;

// ---- meetings ----

export const MeetingListQuery = z.strictObject({
  kind: MeetingKind.optional(),
  status: MeetingStatus.optional(),
});

export const MeetingSummary = z.object({
  id: Uuid,
  kind: MeetingKind,
  title: z.string(),
  heldOn: z.string(),
  location: z.string(),
  municipality: z.string(),
  areaCode: z.string().nullable(),
  status: MeetingStatus,
  demo: z.boolean(),
  agendaItemCount: z.number().int(),
  openActionCount: z.number().int(),
  overdueActionCount: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;
export const MeetingList = z.object({ items: z.array(MeetingSummary), today: z.string() });
export type MeetingList = z.infer<typeof MeetingList>;

export const CreateMeeting = z.strictObject({
  kind: MeetingKind,
  title: Text(1, 200),
  heldOn: IsoDate,
  location: Text(0, 200).default(''),
  municipality: z.string().regex(/^GM\d{4}$/, 'a CBS gemeente code such as GM0505'),
  /** A wijk, buurt or focus area of that municipality. */
  areaCode: Text(1, 60).optional(),
  participantOrganisationIds: z.array(Uuid).max(50).default([]),
});
export type CreateMeeting = z.input<typeof CreateMeeting>;

export const Decision = z.object({
  id: Uuid,
  agendaItemId: Uuid,
  text: z.string(),
  requiresAction: z.boolean(),
  createdAt: z.string(),
  /** Shown to residents on the public area pages of the meeting's programme (docs/publicpages.md). */
  isPublic: z.boolean(),
});
export type Decision = z.infer<typeof Decision>;

/** PUT /decisions/{id}/publication: show the decision to residents, or stop. */
export const DecisionPublicationInput = z.strictObject({ public: z.boolean() });
export type DecisionPublicationInput = z.infer<typeof DecisionPublicationInput>;

export const AgendaItem = z.object({
  id: Uuid,
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  links: z.array(Link),
  noDecisionReason: z.string().nullable(),
  decisions: z.array(Decision),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Action = z.object({
  id: Uuid,
  meetingId: Uuid,
  meetingTitle: z.string(),
  meetingHeldOn: z.string(),
  agendaItemId: Uuid.nullable(),
  decisionId: Uuid.nullable(),
  title: z.string(),
  owner: Owner,
  dueDate: z.string(),
  status: ActionStatus,
  statusNote: z.string(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  /** Whether the caller may change its status (owner, or manager). */
  canUpdate: z.boolean(),
  /** The statuses the caller may give it now, its own first; empty when it may not change it. */
  nextStatuses: z.array(ActionStatus),
});
export type Action = z.infer<typeof Action>;

/** Why a meeting cannot be closed yet: one line per agenda item or decision that lacks an outcome. */
export const CloseBlocker = z.object({
  path: z.string(),
  message: z.string(),
  reason: z.enum(['empty_agenda', 'item_without_outcome', 'decision_without_action']),
  /** The agenda item's number and title, or the decision's text, for the UI's own wording. */
  position: z.number().int().nullable(),
  subject: z.string().nullable(),
});
export type CloseBlocker = z.infer<typeof CloseBlocker>;

export const MeetingDetail = MeetingSummary.extend({
  /** The area's name (focus area, wijk or buurt), or the municipality's. */
  areaName: z.string().nullable(),
  participants: z.array(z.object({ id: Uuid, name: z.string() })),
  agendaItems: z.array(AgendaItem),
  actions: z.array(Action),
  closedAt: z.string().nullable(),
  closeBlockers: z.array(CloseBlocker),
  today: z.string(),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const IdParams = z.strictObject({ id: Uuid });

export const CreateAgendaItem = z.strictObject({
  title: Text(1, 200),
  description: Text(0, 4000).default(''),
  links: z.array(LinkRef).max(20).default([]),
});
export type CreateAgendaItem = z.input<typeof CreateAgendaItem>;

/** Record that an item ends without a decision (with the reason), or withdraw that (null). */
export const UpdateAgendaItem = z.strictObject({
  noDecisionReason: Text(3, 2000).nullable(),
});
export type UpdateAgendaItem = z.input<typeof UpdateAgendaItem>;

export const CreateDecision = z.strictObject({
  text: Text(3, 2000),
  requiresAction: z.boolean().default(true),
});
export type CreateDecision = z.input<typeof CreateDecision>;

export const CreateAction = z
  .strictObject({
    title: Text(3, 300),
    agendaItemId: Uuid.optional(),
    decisionId: Uuid.optional(),
    ownerUserId: Uuid.optional(),
    ownerOrganisationId: Uuid.optional(),
    dueDate: IsoDate,
  })
  .refine((v) => v.ownerUserId !== undefined || v.ownerOrganisationId !== undefined, { message: 'an action needs an owner: a person or an organisation', path: ['ownerUserId'] });
export type CreateAction = z.input<typeof CreateAction>;

export const UpdateAction = z
  .strictObject({
    status: ActionStatus.optional(),
    statusNote: Text(0, 2000).optional(),
    dueDate: IsoDate.optional(),
    ownerUserId: Uuid.nullable().optional(),
    ownerOrganisationId: Uuid.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', path: ['status'] });
export type UpdateAction = z.input<typeof UpdateAction>;

export const ActionList = z.object({ items: z.array(Action), today: z.string() });
export type ActionList = z.infer<typeof ActionList>;

export const MyActionsQuery = z.strictObject({ include: z.enum(['open', 'all']).optional() });

export const OwnerOptions = z.object({
  users: z.array(z.object({ id: Uuid, displayName: z.string(), organisationId: Uuid, organisationName: z.string() })),
  organisations: z.array(z.object({ id: Uuid, name: z.string() })),
});
export type OwnerOptions = z.infer<typeof OwnerOptions>;

export const LinkOptions = z.object({ items: z.array(Link) });
export type LinkOptions = z.infer<typeof LinkOptions>;
export const LinkOptionsQuery = z.strictObject({ municipality: z.string().regex(/^GM\d{4}$/, 'a CBS gemeente code such as GM0505') });

// ---- escalations: the administrators' agenda ----

export const ESCALATION_SUBJECT_KINDS = ['action', 'decision', 'agenda_item', 'goal', 'activity'] as const;
export const EscalationSubjectKind = z.enum(ESCALATION_SUBJECT_KINDS);
export type EscalationSubjectKind = z.infer<typeof EscalationSubjectKind>;

export const CreateEscalation = z.strictObject({
  subject: z.strictObject({ kind: EscalationSubjectKind, id: Text(1, 100) }),
  reason: Text(10, 2000),
});
export type CreateEscalation = z.input<typeof CreateEscalation>;

export const HandleEscalation = z.strictObject({ resolution: Text(3, 2000) });
export type HandleEscalation = z.input<typeof HandleEscalation>;

export const EscalationListQuery = z.strictObject({ status: z.enum(['open', 'handled']).optional() });

export const Escalation = z.object({
  id: Uuid,
  subject: z.object({ kind: EscalationSubjectKind, id: z.string(), label: z.string() }),
  meetingId: Uuid.nullable(),
  reason: z.string(),
  status: z.enum(['open', 'handled']),
  escalatedBy: z.string().nullable(),
  escalatedAt: z.string(),
  resolution: z.string().nullable(),
  handledAt: z.string().nullable(),
});
export type Escalation = z.infer<typeof Escalation>;
export const EscalationList = z.object({ items: z.array(Escalation) });

// ---- direction dashboard ("regie") ----

export const WaitingDecision = z.object({
  kind: z.enum(['decision', 'agenda_item']),
  id: Uuid,
  text: z.string(),
  meetingId: Uuid,
  meetingTitle: z.string(),
  meetingHeldOn: z.string(),
  /** Decisions: how many of their actions are still open; agenda items: 0. */
  openActionCount: z.number().int(),
  /** Why it waits: no action yet, actions still open, or a past meeting left the item without outcome. */
  waitingFor: z.enum(['no_action', 'open_actions', 'no_outcome']),
  escalated: z.boolean(),
});
export type WaitingDecision = z.infer<typeof WaitingDecision>;

export const SlippingActivity = z.object({
  id: z.string(),
  name: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  ownerOrganisationName: z.string(),
  endDate: z.string(),
  status: z.string(),
  progress: z.number(),
  daysOverdue: z.number().int(),
  escalated: z.boolean(),
});
export type SlippingActivity = z.infer<typeof SlippingActivity>;

export const OffTrackGoal = z.object({
  id: z.string(),
  name: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  areaName: z.string(),
  indicatorName: z.string(),
  /** off_track or at_risk. */
  status: z.string(),
  targetDate: z.string(),
  escalated: z.boolean(),
});
export type OffTrackGoal = z.infer<typeof OffTrackGoal>;

export const DirectionDashboard = z.object({
  today: z.string(),
  overdueActions: z.array(Action.extend({ escalated: z.boolean() })),
  slippingActivities: z.array(SlippingActivity),
  offTrackGoals: z.array(OffTrackGoal),
  waitingDecisions: z.array(WaitingDecision),
  escalations: z.array(Escalation),
  /** Money that slips (the finance module's, docs/finance.md); null for whom may not see finance. */
  money: z.array(MoneySlip).nullable(),
});
export type DirectionDashboard = z.infer<typeof DirectionDashboard>;
