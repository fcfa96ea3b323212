import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of the programmes tables (db/migrations/20261122T1200__programmes__create-programmes.sql). */

type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD' (the pg type parser is set so in the platform), written as a string. */
type DateColumn = ColumnType<string, string, string>;

export interface ProgrammesTable {
  id: Generated<string>;
  municipality_code: string;
  name: string;
  ambition: Generated<string>;
  horizon_start: DateColumn;
  horizon_end: DateColumn;
  is_demo: Generated<boolean>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  /** Shown to residents on the public area pages since (20261207T1510__programmes__publication.sql); null = not public. */
  published_at: Timestamp | null;
  published_by: string | null;
}

export interface ProgrammeAreasTable {
  programme_id: string;
  area_code: string;
}

export interface ProgrammePillarsTable {
  id: Generated<string>;
  programme_id: string;
  name: string;
  position: number;
}

export interface StrategicGoalsTable {
  id: Generated<string>;
  programme_id: string;
  pillar_id: string | null;
  name: string;
  position: number;
}

export interface OperationalGoalsTable {
  id: Generated<string>;
  programme_id: string;
  strategic_goal_id: string | null;
  name: string;
  indicator_code: string;
  area_code: string;
  baseline_value: number;
  baseline_date: DateColumn;
  target_kind: 'fixed' | 'municipality_average';
  target_value: number | null;
  target_date: DateColumn;
  trajectory: Generated<'linear'>;
  is_example: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ExecutionProgrammesTable {
  id: Generated<string>;
  programme_id: string;
  name: string;
  period_start: DateColumn;
  period_end: DateColumn;
}

export interface ActivitiesTable {
  id: Generated<string>;
  programme_id: string;
  execution_programme_id: string | null;
  name: string;
  description: Generated<string>;
  owner_organisation_id: string;
  owner_user_id: string | null;
  start_date: DateColumn;
  end_date: DateColumn;
  status: Generated<string>;
  progress_percent: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ActivityPartnersTable {
  activity_id: string;
  organisation_id: string;
}

export interface ActivityAreasTable {
  activity_id: string;
  area_code: string;
}

export interface ActivityGoalsTable {
  activity_id: string;
  strategic_goal_id: string | null;
  operational_goal_id: string | null;
}

export interface ActivityMilestonesTable {
  id: Generated<string>;
  activity_id: string;
  name: string;
  due_date: DateColumn;
  reached_on: DateColumn | null;
  created_at: GeneratedTimestamp;
}

export interface ActivityProgressUpdatesTable {
  id: Generated<string>;
  activity_id: string;
  percent: number;
  narrative: string;
  reported_at: Timestamp;
  reported_by: string | null;
  reported_by_name: string;
  organisation_id: string | null;
}

export interface ActivityStatusChangesTable {
  id: Generated<string>;
  activity_id: string;
  from_status: string | null;
  to_status: string;
  note: Generated<string>;
  changed_at: Timestamp;
  changed_by: string | null;
}

export interface NeighbourhoodPlansTable {
  id: Generated<string>;
  programme_id: string | null;
  area_code: string;
  title: string;
  summary: Generated<string>;
  focus_limit: Generated<number>;
  is_demo: Generated<boolean>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface PlanAnalysisItemsTable {
  id: Generated<string>;
  plan_id: string;
  kind: 'strength' | 'bottleneck';
  theme: string;
  text: string;
  position: number;
  created_at: GeneratedTimestamp;
}

export interface PlanEvidenceTable {
  id: Generated<string>;
  item_id: string;
  kind: 'indicator' | 'signal' | 'hotspot_analysis';
  reference: string;
  note: Generated<string>;
}

export interface PlanPrioritiesTable {
  id: Generated<string>;
  plan_id: string;
  theme: string;
  motivation: Generated<string>;
  chosen_on: DateColumn;
  ended_on: DateColumn | null;
}

export interface PlanAgendaItemsTable {
  plan_id: string;
  activity_id: string;
  position: number;
}

// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
export type ProgrammesTables = {
  programmes: ProgrammesTable;
  programme_areas: ProgrammeAreasTable;
  programme_pillars: ProgrammePillarsTable;
  strategic_goals: StrategicGoalsTable;
  operational_goals: OperationalGoalsTable;
  execution_programmes: ExecutionProgrammesTable;
  activities: ActivitiesTable;
  activity_partners: ActivityPartnersTable;
  activity_areas: ActivityAreasTable;
  activity_goals: ActivityGoalsTable;
  activity_milestones: ActivityMilestonesTable;
  activity_progress_updates: ActivityProgressUpdatesTable;
  activity_status_changes: ActivityStatusChangesTable;
  neighbourhood_plans: NeighbourhoodPlansTable;
  plan_analysis_items: PlanAnalysisItemsTable;
  plan_evidence: PlanEvidenceTable;
  plan_priorities: PlanPrioritiesTable;
  plan_agenda_items: PlanAgendaItemsTable;
};

export type ProgrammesDb = Kysely<Database & ProgrammesTables> | Transaction<Database & ProgrammesTables>;

export function programmesDb(db: Kysely<Database> | Transaction<Database>): ProgrammesDb {
  return db.withTables<ProgrammesTables>();
}
