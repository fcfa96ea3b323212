-- Programmes and direction (regie): a long-term programme with pillars, strategic goals and SMART operational
-- goals tied to indicators, execution programmes with activities (owner, partners, areas, goals, status,
-- milestones, progress), and neighbourhood development plans.
-- Area and indicator codes are kept as text without foreign keys: those rows belong to other modules (a
-- focus area may be deleted there); the service checks them when a goal, activity or plan is written.

CREATE TABLE programmes (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  ambition          text NOT NULL DEFAULT '' CHECK (length(ambition) <= 8000),
  horizon_start     date NOT NULL,
  horizon_end       date NOT NULL,
  -- Demo rows are illustrative; the UI labels them.
  is_demo           boolean NOT NULL DEFAULT false,
  created_by        uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (horizon_end > horizon_start)
);
CREATE UNIQUE INDEX programmes_municipality_name_idx ON programmes (municipality_code, name);

CREATE TABLE programme_areas (
  programme_id uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  area_code    text NOT NULL,
  PRIMARY KEY (programme_id, area_code)
);

CREATE TABLE programme_pillars (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position     integer NOT NULL CHECK (position >= 0),
  UNIQUE (programme_id, name)
);

CREATE TABLE strategic_goals (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  pillar_id    uuid REFERENCES programme_pillars (id) ON DELETE SET NULL,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  position     integer NOT NULL CHECK (position >= 0),
  UNIQUE (programme_id, name)
);

-- SMART: indicator, area, baseline (value, date), target (a fixed value, or the municipality's value of the
-- indicator at the time of measurement) by a date, and a trajectory between them.
CREATE TABLE operational_goals (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id      uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  strategic_goal_id uuid REFERENCES strategic_goals (id) ON DELETE SET NULL,
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  indicator_code    text NOT NULL,
  area_code         text NOT NULL,
  baseline_value    double precision NOT NULL,
  baseline_date     date NOT NULL,
  target_kind       text NOT NULL CHECK (target_kind IN ('fixed', 'municipality_average')),
  target_value      double precision,
  target_date       date NOT NULL,
  trajectory        text NOT NULL DEFAULT 'linear' CHECK (trajectory IN ('linear')),
  -- Illustrative goals (the demo's): the real SMART goals are set by the alliance.
  is_example        boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (target_date > baseline_date),
  CHECK ((target_kind = 'fixed') = (target_value IS NOT NULL))
);
CREATE INDEX operational_goals_programme_idx ON operational_goals (programme_id);

-- A multi-year execution programme (uitvoeringsprogramma) of a programme, e.g. the first four years.
CREATE TABLE execution_programmes (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  period_start date NOT NULL,
  period_end   date NOT NULL,
  CHECK (period_end > period_start),
  UNIQUE (programme_id, name)
);

-- An activity (maatregel, interventie). Status follows the workflow in activity-workflow.ts; progress is the
-- percentage of the latest progress update, kept here so lists need no aggregate.
CREATE TABLE activities (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id           uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  execution_programme_id uuid REFERENCES execution_programmes (id) ON DELETE SET NULL,
  name                   text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  description            text NOT NULL DEFAULT '' CHECK (length(description) <= 8000),
  owner_organisation_id  uuid NOT NULL REFERENCES organisations (id),
  owner_user_id          uuid REFERENCES users (id),
  start_date             date NOT NULL,
  end_date               date NOT NULL,
  status                 text NOT NULL DEFAULT 'idea' CHECK (status IN ('idea', 'planned', 'running', 'done', 'stopped')),
  progress_percent       integer NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date)
);
CREATE INDEX activities_programme_idx ON activities (programme_id);
CREATE INDEX activities_owner_idx ON activities (owner_organisation_id);
-- The slipping list: running or planned work past its end date.
CREATE INDEX activities_open_end_idx ON activities (end_date) WHERE status IN ('idea', 'planned', 'running');

CREATE TABLE activity_partners (
  activity_id     uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (activity_id, organisation_id)
);
CREATE INDEX activity_partners_organisation_idx ON activity_partners (organisation_id);

CREATE TABLE activity_areas (
  activity_id uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  area_code   text NOT NULL,
  PRIMARY KEY (activity_id, area_code)
);
CREATE INDEX activity_areas_area_idx ON activity_areas (area_code);

-- The goals an activity serves: strategic or operational goals of the same programme.
CREATE TABLE activity_goals (
  activity_id       uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  strategic_goal_id   uuid REFERENCES strategic_goals (id) ON DELETE CASCADE,
  operational_goal_id uuid REFERENCES operational_goals (id) ON DELETE CASCADE,
  CHECK (num_nonnulls(strategic_goal_id, operational_goal_id) = 1)
);
CREATE UNIQUE INDEX activity_goals_strategic_idx ON activity_goals (activity_id, strategic_goal_id) WHERE strategic_goal_id IS NOT NULL;
CREATE UNIQUE INDEX activity_goals_operational_idx ON activity_goals (activity_id, operational_goal_id) WHERE operational_goal_id IS NOT NULL;

CREATE TABLE activity_milestones (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  due_date    date NOT NULL,
  reached_on  date,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activity_milestones_activity_idx ON activity_milestones (activity_id, due_date);

CREATE TABLE activity_progress_updates (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id           uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  percent               integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
  narrative             text NOT NULL CHECK (length(narrative) BETWEEN 1 AND 8000),
  reported_at           timestamptz NOT NULL DEFAULT now(),
  reported_by           uuid REFERENCES users (id),
  reported_by_name      text NOT NULL,
  organisation_id       uuid REFERENCES organisations (id)
);
CREATE INDEX activity_progress_updates_activity_idx ON activity_progress_updates (activity_id, reported_at DESC);

-- Every status change, so the timeline and the council can see when work started, stopped or finished.
CREATE TABLE activity_status_changes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  from_status text,
  to_status   text NOT NULL,
  note        text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  changed_at  timestamptz NOT NULL DEFAULT now(),
  changed_by  uuid REFERENCES users (id)
);
CREATE INDEX activity_status_changes_activity_idx ON activity_status_changes (activity_id, changed_at);

-- A neighbourhood development plan (wijkontwikkelingsplan) of one area: analysis, priorities, agenda.
CREATE TABLE neighbourhood_plans (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid REFERENCES programmes (id) ON DELETE SET NULL,
  area_code    text NOT NULL,
  title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  summary      text NOT NULL DEFAULT '' CHECK (length(summary) <= 8000),
  -- At most this many priorities are active at a time: start with one or two themes, then widen.
  focus_limit  integer NOT NULL DEFAULT 3 CHECK (focus_limit BETWEEN 1 AND 10),
  is_demo      boolean NOT NULL DEFAULT false,
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX neighbourhood_plans_area_idx ON neighbourhood_plans (area_code);

CREATE TABLE plan_analysis_items (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id    uuid NOT NULL REFERENCES neighbourhood_plans (id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('strength', 'bottleneck')),
  theme      text NOT NULL CHECK (length(theme) BETWEEN 1 AND 100),
  text       text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  position   integer NOT NULL CHECK (position >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_analysis_items_plan_idx ON plan_analysis_items (plan_id, position);

-- Evidence behind an analysis item: an indicator of the plan's area now; signals and saved hot-spot analyses
-- when those modules exist (the kinds are reserved so the table need not change).
CREATE TABLE plan_evidence (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id   uuid NOT NULL REFERENCES plan_analysis_items (id) ON DELETE CASCADE,
  kind      text NOT NULL CHECK (kind IN ('indicator', 'signal', 'hotspot_analysis')),
  reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
  note      text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  UNIQUE (item_id, kind, reference)
);

-- The area's chosen priorities; at most focus_limit have ended_on NULL (checked by the service under a lock).
CREATE TABLE plan_priorities (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id    uuid NOT NULL REFERENCES neighbourhood_plans (id) ON DELETE CASCADE,
  theme      text NOT NULL CHECK (length(theme) BETWEEN 1 AND 100),
  motivation text NOT NULL DEFAULT '' CHECK (length(motivation) <= 4000),
  chosen_on  date NOT NULL,
  ended_on   date,
  CHECK (ended_on IS NULL OR ended_on >= chosen_on)
);
CREATE UNIQUE INDEX plan_priorities_active_theme_idx ON plan_priorities (plan_id, lower(theme)) WHERE ended_on IS NULL;

-- The execution agenda: the activities that carry out the plan, in order.
CREATE TABLE plan_agenda_items (
  plan_id     uuid NOT NULL REFERENCES neighbourhood_plans (id) ON DELETE CASCADE,
  activity_id uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  position    integer NOT NULL CHECK (position >= 0),
  PRIMARY KEY (plan_id, activity_id)
);
