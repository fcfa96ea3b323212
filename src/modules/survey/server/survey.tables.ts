import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of the survey tables (db/migrations/20261207T1520__survey__create-surveys.sql). */
type Day = ColumnType<string, string, string>;

export interface SurveysTable {
  id: Generated<string>;
  municipality_code: string;
  municipality_name: string;
  title: string;
  year: number;
  opens_on: Day;
  closes_on: Day;
  min_respondents: number;
  indicator_prefix: string;
  published_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, Date>;
}

export interface SurveyAreasTable {
  survey_id: string;
  buurt_code: string;
  buurt_name: string;
  wijk_code: string;
  wijk_name: string;
}

export interface SurveyQuestionsTable {
  survey_id: string;
  key: string;
  position: number;
  kind: string;
  text_nl: string;
  text_en: string;
  options: ColumnType<{ key: string; nl: string; en: string }[], string, string>;
}

export interface SurveyCodeBatchesTable {
  id: Generated<string>;
  survey_id: string;
  buurt_code: string;
  count: number;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, Date>;
}

export interface SurveyCodesTable {
  code_hash: string;
  survey_id: string;
  buurt_code: string;
  used: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface SurveyResponsesTable {
  id: Generated<string>;
  survey_id: string;
  buurt_code: string;
  channel: string;
  answers: ColumnType<Record<string, number | string>, string, string>;
}

export interface SurveyOpenTokensTable {
  token_hash: string;
  survey_id: string;
}

export type SurveyTables = {
  surveys: SurveysTable;
  survey_areas: SurveyAreasTable;
  survey_questions: SurveyQuestionsTable;
  survey_code_batches: SurveyCodeBatchesTable;
  survey_codes: SurveyCodesTable;
  survey_responses: SurveyResponsesTable;
  survey_open_tokens: SurveyOpenTokensTable;
};
export type SurveyDb = Kysely<Database & SurveyTables> | Transaction<Database & SurveyTables>;

export function surveyDb(db: Kysely<Database> | Transaction<Database>): SurveyDb {
  return db.withTables<SurveyTables>();
}
