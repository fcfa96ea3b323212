import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of the evaluation tables (db/migrations/20261207T1610__evaluation__create-evaluations.sql). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;

export interface EvaluationFrameworksTable {
  id: string;
  code: string;
  version: number;
  name: string;
  source: string;
}

export interface EvaluationFrameworkCriteriaTable {
  id: string;
  framework_id: string;
  position: number;
  title: string;
  explanation: string;
}

export interface EvaluationsTable {
  id: Generated<string>;
  programme_id: string;
  title: string;
  kind: string;
  peildatum: DateColumn;
  status: Generated<string>;
  lead_user_id: string;
  area_name: Generated<string>;
  is_demo: Generated<boolean>;
  established_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EvaluationCriteriaTable {
  id: Generated<string>;
  evaluation_id: string;
  position: number;
  framework: string;
  framework_criterion_id: string | null;
  goal_id: string | null;
  title: string;
  explanation: Generated<string>;
  conclusion: Generated<string>;
}

export interface EvaluationEvaluatorsTable {
  evaluation_id: string;
  user_id: string;
  invited_by: string | null;
  submitted_at: Timestamp | null;
  created_at: Timestamp;
}

export interface EvaluationScoresTable {
  criterion_id: string;
  evaluator_id: string;
  score: number | null;
  motivation: Generated<string>;
  updated_at: Timestamp;
}

export interface EvaluationEvidenceTable {
  id: Generated<string>;
  criterion_id: string;
  added_by: string;
  kind: string;
  area_code: string | null;
  indicator_code: string | null;
  year: number | null;
  value: number | null;
  target_id: string | null;
  meeting_id: string | null;
  label: string;
  url: string | null;
  note: Generated<string>;
  created_at: Timestamp;
}

export interface EvaluationFactorsTable {
  id: Generated<string>;
  kind: string;
  title: string;
  explanation: string;
  evaluation_id: string | null;
  criterion_id: string | null;
  criterion_title: string | null;
  source: string | null;
  source_date: DateColumn | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface EvaluationAdoptedFactorsTable {
  evaluation_id: string;
  factor_id: string;
  note: Generated<string>;
  adopted_by: string;
  created_at: Timestamp;
}

export type EvaluationTables = {
  evaluation_frameworks: EvaluationFrameworksTable;
  evaluation_framework_criteria: EvaluationFrameworkCriteriaTable;
  evaluations: EvaluationsTable;
  evaluation_criteria: EvaluationCriteriaTable;
  evaluation_evaluators: EvaluationEvaluatorsTable;
  evaluation_scores: EvaluationScoresTable;
  evaluation_evidence: EvaluationEvidenceTable;
  evaluation_factors: EvaluationFactorsTable;
  evaluation_adopted_factors: EvaluationAdoptedFactorsTable;
};

export type EvaluationDb = Kysely<Database & EvaluationTables> | Transaction<Database & EvaluationTables>;

export function evaluationDb(db: Kysely<Database> | Transaction<Database>): EvaluationDb {
  return db.withTables<EvaluationTables>();
}
