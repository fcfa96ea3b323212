-- Meetings (kernteam, wijkoverleg, casusoverleg) that must end in decisions and actions with an owner and a
-- due date, and escalations to the administrators' agenda (bestuurlijke agenda). Links from agenda items to
-- programme goals, activities or priority areas are typed references, not foreign keys: the targets live in
-- other modules, which the service asks before a link is stored. municipality_code is the distribution key.

CREATE TABLE meetings (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  -- The area the meeting is about (a wijk, buurt or focus area), for area-scoped users.
  area_code         text CHECK (area_code IS NULL OR length(area_code) BETWEEN 1 AND 60),
  kind              text NOT NULL CHECK (kind IN ('kernteam', 'wijkoverleg', 'casusoverleg', 'other')),
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  held_on           date NOT NULL,
  location          text NOT NULL DEFAULT '' CHECK (length(location) <= 200),
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  is_demo           boolean NOT NULL DEFAULT false,
  created_by        uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  closed_at         timestamptz,
  closed_by         uuid REFERENCES users (id),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX meetings_municipality_held_idx ON meetings (municipality_code, held_on DESC);

-- Which partner organisations take part: their partner users see the meeting.
CREATE TABLE meeting_participants (
  meeting_id      uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (meeting_id, organisation_id)
);
CREATE INDEX meeting_participants_organisation_idx ON meeting_participants (organisation_id);

CREATE TABLE meeting_agenda_items (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id         uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position           integer NOT NULL CHECK (position >= 1),
  title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description        text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  -- An item closed without a decision must say why ("geen besluit" is a choice, not an omission).
  no_decision_reason text CHECK (no_decision_reason IS NULL OR length(no_decision_reason) BETWEEN 3 AND 2000),
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (meeting_id, position)
);

CREATE TABLE meeting_item_links (
  agenda_item_id uuid NOT NULL REFERENCES meeting_agenda_items (id) ON DELETE CASCADE,
  kind           text NOT NULL CHECK (kind IN ('goal', 'activity', 'priority', 'programme')),
  target_id      text NOT NULL CHECK (length(target_id) BETWEEN 1 AND 100),
  -- The target's name when linked, so the agenda still reads well if the target is renamed or removed.
  label          text NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
  PRIMARY KEY (agenda_item_id, kind, target_id)
);
CREATE INDEX meeting_item_links_target_idx ON meeting_item_links (kind, target_id);

CREATE TABLE meeting_decisions (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id      uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  agenda_item_id  uuid NOT NULL REFERENCES meeting_agenda_items (id) ON DELETE CASCADE,
  text            text NOT NULL CHECK (length(text) BETWEEN 3 AND 2000),
  -- False for a decision that needs no follow-up (e.g. "taking note of the figures"); otherwise the
  -- meeting cannot close before at least one action carries it out.
  requires_action boolean NOT NULL DEFAULT true,
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_decisions_item_idx ON meeting_decisions (agenda_item_id);

CREATE TABLE meeting_actions (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id            uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  agenda_item_id        uuid REFERENCES meeting_agenda_items (id) ON DELETE CASCADE,
  decision_id           uuid REFERENCES meeting_decisions (id) ON DELETE CASCADE,
  title                 text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  -- Owned by a person, or by an organisation as a whole; the owning organisation is always known.
  owner_user_id         uuid REFERENCES users (id),
  owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
  due_date              date NOT NULL,
  status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  status_note           text NOT NULL DEFAULT '' CHECK (length(status_note) <= 2000),
  created_by            uuid REFERENCES users (id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  completed_at          timestamptz
);
CREATE INDEX meeting_actions_meeting_idx ON meeting_actions (meeting_id);
CREATE INDEX meeting_actions_open_due_idx ON meeting_actions (due_date) WHERE status IN ('open', 'in_progress');
CREATE INDEX meeting_actions_owner_org_idx ON meeting_actions (owner_organisation_id);
CREATE INDEX meeting_actions_owner_user_idx ON meeting_actions (owner_user_id);

-- The administrators' agenda: what the programme manager puts before the wethouder/burgemeester, with why.
CREATE TABLE escalations (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  subject_kind      text NOT NULL CHECK (subject_kind IN ('action', 'decision', 'agenda_item', 'goal', 'activity')),
  subject_id        text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 100),
  subject_label     text NOT NULL CHECK (length(subject_label) BETWEEN 1 AND 300),
  -- The meeting the subject came from, when it came from one.
  meeting_id        uuid REFERENCES meetings (id) ON DELETE SET NULL,
  reason            text NOT NULL CHECK (length(reason) BETWEEN 10 AND 2000),
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled')),
  escalated_by      uuid REFERENCES users (id),
  escalated_at      timestamptz NOT NULL DEFAULT now(),
  resolution        text CHECK (resolution IS NULL OR length(resolution) BETWEEN 3 AND 2000),
  handled_by        uuid REFERENCES users (id),
  handled_at        timestamptz,
  CHECK ((status = 'handled') = (handled_at IS NOT NULL AND resolution IS NOT NULL))
);
-- One open escalation per subject: escalating twice would only duplicate the administrators' agenda.
CREATE UNIQUE INDEX escalations_open_subject_key ON escalations (subject_kind, subject_id) WHERE status = 'open';
