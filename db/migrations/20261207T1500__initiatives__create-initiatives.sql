-- Resident initiatives and the wijkbudget (docs/initiatives.md). Money is integer euro cents (bigint).
-- Programmes, goals, activities, funding sources and budget lines belong to other modules: their ids are kept
-- here without a foreign key and checked through those modules' index.ts.

-- A wijkbudget: money for resident initiatives in one area (a buurt, wijk or focus area) in one year. Finance
-- sets it; the money itself is a funding source in the finance module (funding_source_id), so granted
-- initiatives are budget lines financed by it and show in every money total.
CREATE TABLE wijkbudgets (
  id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  area_code                   text NOT NULL CHECK (length(area_code) BETWEEN 1 AND 40),
  area_name                   text NOT NULL CHECK (length(area_name) BETWEEN 1 AND 200),
  year                        integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  total_cents                 bigint NOT NULL CHECK (total_cents > 0 AND total_cents <= 100000000000),
  -- Grants above this amount need a second person with initiatives.grant (four eyes).
  four_eyes_threshold_cents   bigint NOT NULL DEFAULT 500000 CHECK (four_eyes_threshold_cents >= 0 AND four_eyes_threshold_cents <= 100000000000),
  -- What granted initiatives take of it. The CHECK is the last guard: no grant, however concurrent, can
  -- take it below zero (the service also locks the row and answers in words first).
  granted_cents               bigint NOT NULL DEFAULT 0 CHECK (granted_cents >= 0),
  funding_source_id           uuid NOT NULL,
  is_demo                     boolean NOT NULL DEFAULT false,
  created_by                  uuid REFERENCES users (id),
  created_at                  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (area_code, year),
  CHECK (granted_cents <= total_cents)
);

CREATE TABLE initiatives (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 150),
  description         text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
  -- Where: the buurt or wijk chosen by name, its wijk, and a place described in words.
  area_code           text NOT NULL,
  area_name           text NOT NULL,
  wijk_code           text NOT NULL,
  -- The focus area through which the programme covers the area, if any (for finding the wijkbudget).
  focus_code          text,
  place               text NOT NULL DEFAULT '' CHECK (length(place) <= 300),
  cost_cents          bigint NOT NULL CHECK (cost_cents > 0 AND cost_cents <= 100000000),
  programme_id        uuid NOT NULL,
  goal_id             uuid NOT NULL,
  goal_name           text NOT NULL,
  status              text NOT NULL DEFAULT 'ingediend' CHECK (status IN ('ingediend', 'ontvankelijk', 'niet_ontvankelijk', 'beoordeeld', 'toegekend', 'afgewezen', 'uitgevoerd', 'verantwoord')),
  -- SHA-256 of the private follow link's token; the token itself is only in the link the resident got.
  follow_token_hash   text NOT NULL UNIQUE CHECK (length(follow_token_hash) = 64),
  -- The rubric (docs/initiatives.md), each 0–3, set by the assessor when moving to beoordeeld.
  score_goal          smallint CHECK (score_goal BETWEEN 0 AND 3),
  score_support       smallint CHECK (score_support BETWEEN 0 AND 3),
  score_feasibility   smallint CHECK (score_feasibility BETWEEN 0 AND 3),
  score_value         smallint CHECK (score_value BETWEEN 0 AND 3),
  assessment_note     text NOT NULL DEFAULT '' CHECK (length(assessment_note) <= 4000),
  -- Once granted: how much, from which wijkbudget, and what it became in programmes and finance.
  granted_cents       bigint CHECK (granted_cents > 0),
  wijkbudget_id       uuid REFERENCES wijkbudgets (id),
  activity_id         uuid,
  budget_line_id      uuid,
  -- Example initiatives of the demo: not real residents; the UI labels them.
  is_example          boolean NOT NULL DEFAULT false,
  submitted_at        timestamptz NOT NULL DEFAULT now(),
  -- When it reached an end state (niet ontvankelijk, afgewezen, verantwoord): the retention of the contact
  -- details counts from here.
  closed_at           timestamptz,
  contact_removed_at  timestamptz,
  CHECK ((status IN ('toegekend', 'uitgevoerd', 'verantwoord')) = (granted_cents IS NOT NULL))
);
CREATE INDEX initiatives_status_idx ON initiatives (status, submitted_at DESC);
CREATE INDEX initiatives_wijkbudget_idx ON initiatives (wijkbudget_id) WHERE wijkbudget_id IS NOT NULL;
CREATE INDEX initiatives_closed_idx ON initiatives (closed_at) WHERE closed_at IS NOT NULL AND contact_removed_at IS NULL;

-- Personal data, kept apart: only readable with initiatives.contacts (each read audited), removed by the
-- retention job after the period (the initiative stays).
CREATE TABLE initiative_contacts (
  initiative_id  uuid PRIMARY KEY REFERENCES initiatives (id) ON DELETE CASCADE,
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email          text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  phone          text NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- Every step with its reason and who decided; the public follow page shows the role and organisation only.
CREATE TABLE initiative_status_changes (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  initiative_id         uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  from_status           text,
  to_status             text NOT NULL,
  reason                text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  decided_by            uuid REFERENCES users (id),
  decided_name          text NOT NULL,
  decided_role          text NOT NULL,
  decided_organisation  text NOT NULL,
  decided_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX initiative_status_changes_idx ON initiative_status_changes (initiative_id, decided_at);

-- A grant above the wijkbudget's threshold waits here for a second person (never the proposer).
CREATE TABLE initiative_grant_proposals (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  initiative_id  uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  wijkbudget_id  uuid NOT NULL REFERENCES wijkbudgets (id),
  amount_cents   bigint NOT NULL CHECK (amount_cents > 0),
  reason         text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  proposed_by    uuid REFERENCES users (id),
  proposed_name  text NOT NULL,
  proposed_at    timestamptz NOT NULL DEFAULT now(),
  decided_by     uuid REFERENCES users (id),
  decided_name   text,
  decided_at     timestamptz,
  note           text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  CHECK (status <> 'approved' OR decided_by IS DISTINCT FROM proposed_by)
);
-- One waiting proposal per initiative.
CREATE UNIQUE INDEX initiative_grant_proposals_pending_idx ON initiative_grant_proposals (initiative_id) WHERE status = 'pending';
