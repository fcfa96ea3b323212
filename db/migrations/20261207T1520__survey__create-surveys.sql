-- The anonymous resident survey (docs/survey.md). What a resident answers is stored so that it cannot be
-- joined back to the invitation code that was used: see the threat model in docs/survey.md.

CREATE TABLE surveys (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  municipality_name text NOT NULL,
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- The year the figures belong to (the indicator values are written for this year).
  year              integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  -- Dutch calendar days, both included.
  opens_on          date NOT NULL,
  closes_on         date NOT NULL,
  -- Small-number suppression: a cell with fewer respondents is not published. Never below 5.
  min_respondents   integer NOT NULL DEFAULT 10 CHECK (min_respondents BETWEEN 5 AND 1000),
  -- The stem of this survey's indicator codes, e.g. enq_gm0505_2026.
  indicator_prefix  text NOT NULL UNIQUE CHECK (indicator_prefix ~ '^enq_[a-z0-9_]{1,30}$'),
  -- When the figures were last written to the indicators (null: never).
  published_at      timestamptz,
  created_by        uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_on >= opens_on)
);

-- The buurten a survey covers, with their wijk, as the area list named them when the survey was made.
CREATE TABLE survey_areas (
  survey_id   uuid NOT NULL REFERENCES surveys (id),
  buurt_code  text NOT NULL,
  buurt_name  text NOT NULL,
  wijk_code   text NOT NULL,
  wijk_name   text NOT NULL,
  PRIMARY KEY (survey_id, buurt_code)
);

CREATE TABLE survey_questions (
  survey_id  uuid NOT NULL REFERENCES surveys (id),
  key        text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,19}$'),
  position   integer NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('rating', 'trend', 'choice', 'open')),
  text_nl    text NOT NULL CHECK (length(text_nl) BETWEEN 1 AND 500),
  text_en    text NOT NULL CHECK (length(text_en) BETWEEN 1 AND 500),
  -- For 'choice': [{"key": "...", "nl": "...", "en": "..."}]; empty otherwise.
  options    jsonb NOT NULL DEFAULT '[]'::jsonb,
  PRIMARY KEY (survey_id, key),
  UNIQUE (survey_id, position)
);

-- A print run of invitation letters: how many codes for which buurt (the codes themselves are never stored).
CREATE TABLE survey_code_batches (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id   uuid NOT NULL REFERENCES surveys (id),
  buurt_code  text NOT NULL,
  count       integer NOT NULL CHECK (count BETWEEN 1 AND 5000),
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Invitation codes: only a keyed hash (HMAC under a key derived from the server secret), the buurt and
-- whether it was used. Deliberately no timestamp, no serial number and no batch: nothing that says when or
-- in which order a code was used. The service rewrites the used codes of a buurt in random order whenever
-- one is used, so neither the row order nor the system columns tell which one was used last.
CREATE TABLE survey_codes (
  code_hash   text PRIMARY KEY,
  survey_id   uuid NOT NULL REFERENCES surveys (id),
  buurt_code  text NOT NULL,
  used        boolean NOT NULL DEFAULT false
);
CREATE INDEX survey_codes_buurt_idx ON survey_codes (survey_id, buurt_code, used);

-- The answers: a random id, the survey, the buurt, the channel and the answers. No code, no code hash, no
-- timestamp, no serial number.
CREATE TABLE survey_responses (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id   uuid NOT NULL REFERENCES surveys (id),
  buurt_code  text NOT NULL,
  channel     text NOT NULL CHECK (channel IN ('code', 'open')),
  answers     jsonb NOT NULL
);
CREATE INDEX survey_responses_survey_idx ON survey_responses (survey_id, buurt_code);

-- Duplicate detection on the open link: a keyed hash of a random token the browser keeps. No identity, no
-- timestamp; deleted once the survey has closed.
CREATE TABLE survey_open_tokens (
  token_hash  text PRIMARY KEY,
  survey_id   uuid NOT NULL REFERENCES surveys (id)
);
