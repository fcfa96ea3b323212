import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of the meetings tables (db/migrations/20261122T1240__meetings__create-meetings.sql). */

type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** SQL `date`, read as YYYY-MM-DD text (see the ::text casts in the queries). */
type DateColumn = ColumnType<string, string, string>;

export interface MeetingsTable {
  id: Generated<string>;
  municipality_code: string;
  area_code: string | null;
  kind: string;
  title: string;
  held_on: DateColumn;
  location: Generated<string>;
  status: Generated<string>;
  is_demo: Generated<boolean>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  closed_at: Timestamp | null;
  closed_by: string | null;
}

export interface MeetingParticipantsTable {
  meeting_id: string;
  organisation_id: string;
}

export interface MeetingAgendaItemsTable {
  id: Generated<string>;
  meeting_id: string;
  position: number;
  title: string;
  description: Generated<string>;
  no_decision_reason: string | null;
  created_at: GeneratedTimestamp;
}

export interface MeetingItemLinksTable {
  agenda_item_id: string;
  kind: string;
  target_id: string;
  label: string;
}

export interface MeetingDecisionsTable {
  id: Generated<string>;
  meeting_id: string;
  agenda_item_id: string;
  text: string;
  requires_action: Generated<boolean>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  /** Shown to residents on the public area pages (20261207T1511__meetings__public-decisions.sql). */
  is_public: Generated<boolean>;
  made_public_at: Timestamp | null;
  made_public_by: string | null;
}

export interface MeetingActionsTable {
  id: Generated<string>;
  meeting_id: string;
  agenda_item_id: string | null;
  decision_id: string | null;
  title: string;
  owner_user_id: string | null;
  owner_organisation_id: string;
  due_date: DateColumn;
  status: Generated<string>;
  status_note: Generated<string>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  completed_at: Timestamp | null;
}

export interface EscalationsTable {
  id: Generated<string>;
  municipality_code: string;
  subject_kind: string;
  subject_id: string;
  subject_label: string;
  meeting_id: string | null;
  reason: string;
  status: Generated<string>;
  escalated_by: string | null;
  escalated_at: GeneratedTimestamp;
  resolution: string | null;
  handled_by: string | null;
  handled_at: Timestamp | null;
}

// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
export type MeetingsTables = {
  meetings: MeetingsTable;
  meeting_participants: MeetingParticipantsTable;
  meeting_agenda_items: MeetingAgendaItemsTable;
  meeting_item_links: MeetingItemLinksTable;
  meeting_decisions: MeetingDecisionsTable;
  meeting_actions: MeetingActionsTable;
  escalations: EscalationsTable;
};

export type MeetingsDb = Kysely<Database & MeetingsTables> | Transaction<Database & MeetingsTables>;

export function meetingsDb(db: Kysely<Database> | Transaction<Database>): MeetingsDb {
  return db.withTables<MeetingsTables>();
}
