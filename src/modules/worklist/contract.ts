import { z } from 'zod';
import { Signal } from '../finance/contract.js';

/** API shapes of the personal worklist (GET /api/v1/me/worklist). */

/** The sections of the start page, in the order it shows them. */
export const WORKLIST_SECTIONS = ['overdue', 'upcoming', 'waiting', 'signals', 'recent'] as const;
export type WorklistSection = (typeof WORKLIST_SECTIONS)[number];

export const WORKLIST_KINDS = [
  /** An action the person owns (overdue or due soon). */
  'action',
  /** Another owner's overdue action, for whoever runs the meetings. */
  'action_follow_up',
  /** A booking waiting for this person's approval (four-eyes). */
  'finance_entry',
  /** A new approval threshold waiting for this person's approval. */
  'threshold_change',
  /** A budget line proposed from an activity, waiting for finance's decision. */
  'line_proposal',
  /** An open escalation on the administrators' agenda. */
  'escalation',
  /** An activity the person owns that is past its end date. */
  'activity_past_end',
  /** An operational goal off track, for whoever manages programmes. */
  'goal_off_track',
  /** A money signal: an overrun on an activity they own, or a funding source's signal for finance. */
  'money',
  /** Someone else changed an action or activity the person owns. */
  'change',
  /** A condition of a signed spatial-safety advice the person owns (overdue or due soon). */
  'spatial_condition',
] as const;
export const WorklistKind = z.enum(WORKLIST_KINDS);
export type WorklistKind = z.infer<typeof WorklistKind>;

export const CHANGE_KINDS = ['assigned', 'status', 'progress', 'milestone', 'updated'] as const;

export const WorklistItem = z.object({
  /** Stable for as long as the item means the same thing (e.g. `action:<id>:overdue`); notifications use it. */
  key: z.string(),
  section: z.enum(WORKLIST_SECTIONS),
  kind: WorklistKind,
  /** The name of the thing (action, booking, activity, goal, subject of the escalation). */
  title: z.string(),
  /** Where it belongs: the meeting, programme, activity or funding source; null when there is nothing to add. */
  context: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** Whole days past the due date (overdue actions, activities past their end). */
  daysOverdue: z.number().int().nullable(),
  urgency: z.enum(['alert', 'warning', 'info']),
  /** The web page of the thing. */
  href: z.string(),
  /** A person or organisation the row names: the owner to chase, who submitted, who escalated, who changed it. */
  person: z.string().nullable(),
  amountCents: z.number().int().nullable(),
  /** For an own action: `person` or `organisation` (who owns it); for a booking: commitment or spend; for a change: what changed (CHANGE_KINDS). */
  detail: z.string().nullable(),
  /** When it happened (changes, escalations, submissions), ISO. */
  at: z.string().nullable(),
  /** For kind money: the finance module's signal, worded by its web part. */
  signal: Signal.nullable(),
});
export type WorklistItem = z.infer<typeof WorklistItem>;

export const Worklist = z.object({
  /** The Dutch calendar day the list was made for. */
  today: z.string(),
  /** How many days ahead "upcoming" looks, and how far back "recent" goes. */
  horizonDays: z.number().int(),
  items: z.array(WorklistItem),
});
export type Worklist = z.infer<typeof Worklist>;

/** The worklist takes no parameters: it is always the caller's own. Anything else is refused (422). */
export const WorklistQuery = z.strictObject({});
