-- Finance: funding sources with tranches and accountability duties, budget lines per activity and year
-- financed from funding sources, commitments and spend with four-eyes approval, capital investments and
-- budget proposals (begrotingsvoorstel) for the budget-effect table. Money is integer euro cents (bigint).
-- Activities and programmes belong to the programmes module: their ids are kept here without a foreign key
-- and checked by the finance service through the programmes module's interface.

CREATE TABLE funding_sources (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                    text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind                    text NOT NULL CHECK (kind IN ('rijkssubsidie', 'gemeentelijk_budget', 'partnerbijdrage', 'cofinanciering', 'inzet_in_natura')),
  funder_name             text NOT NULL CHECK (length(funder_name) BETWEEN 1 AND 200),
  -- The partner whose money it is; that organisation's users may read it.
  funder_organisation_id  uuid REFERENCES organisations (id),
  total_cents             bigint NOT NULL CHECK (total_cents >= 0),
  conditions              text NOT NULL DEFAULT '',
  spend_from              date NOT NULL,
  spend_until             date NOT NULL,
  -- Unspent money must be paid back after spend_until (subsidies): drives the underspend warning.
  repay_unspent           boolean NOT NULL DEFAULT false,
  -- Whether the money passes through the municipal budget (a contribution paid to the municipality) or is
  -- paid or given directly by the partner; only the former appears in a budget-effect table.
  via_municipal_budget    boolean NOT NULL DEFAULT true,
  reference               text NOT NULL DEFAULT '',
  illustrative            boolean NOT NULL DEFAULT false,
  created_at              timestamptz NOT NULL DEFAULT now(),
  CHECK (spend_until >= spend_from)
);
CREATE UNIQUE INDEX funding_sources_name_key ON funding_sources (lower(name));

-- Co-financers: other organisations that put money in and so may read the source.
CREATE TABLE funding_source_partners (
  funding_source_id uuid NOT NULL REFERENCES funding_sources (id) ON DELETE CASCADE,
  organisation_id   uuid NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (funding_source_id, organisation_id)
);

CREATE TABLE funding_tranches (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  funding_source_id uuid NOT NULL REFERENCES funding_sources (id) ON DELETE CASCADE,
  seq               integer NOT NULL CHECK (seq >= 1),
  amount_cents      bigint NOT NULL CHECK (amount_cents > 0),
  due_date          date NOT NULL,
  received_date     date,
  received_cents    bigint NOT NULL DEFAULT 0 CHECK (received_cents >= 0),
  UNIQUE (funding_source_id, seq)
);

CREATE TABLE funding_obligations (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  funding_source_id uuid NOT NULL REFERENCES funding_sources (id) ON DELETE CASCADE,
  kind              text NOT NULL CHECK (kind IN ('schriftelijke_verantwoording', 'voortgangsrapportage', 'financiele_verantwoording', 'accountantsverklaring')),
  due_date          date NOT NULL,
  description       text NOT NULL DEFAULT '',
  delivered_on      date
);

CREATE TABLE budget_lines (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id   uuid NOT NULL,
  activity_id    uuid NOT NULL,
  -- The activity's name when the line was made, so an overview reads without another module's tables.
  activity_name  text NOT NULL,
  year           integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  description    text NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
  amount_cents   bigint NOT NULL CHECK (amount_cents >= 0),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX budget_lines_programme_year ON budget_lines (programme_id, year);
CREATE INDEX budget_lines_activity ON budget_lines (activity_id, year);

-- A line is financed by an amount or by a share (basis points of the line) of a funding source.
CREATE TABLE budget_allocations (
  budget_line_id    uuid NOT NULL REFERENCES budget_lines (id) ON DELETE CASCADE,
  funding_source_id uuid NOT NULL REFERENCES funding_sources (id),
  amount_cents      bigint CHECK (amount_cents > 0),
  share_bp          integer CHECK (share_bp BETWEEN 1 AND 10000),
  PRIMARY KEY (budget_line_id, funding_source_id),
  CHECK ((amount_cents IS NULL) <> (share_bp IS NULL))
);
CREATE INDEX budget_allocations_source ON budget_allocations (funding_source_id);

-- Commitments (verplichtingen) and spend; above the approval threshold an entry waits for a second person.
CREATE TABLE finance_entries (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  budget_line_id  uuid NOT NULL REFERENCES budget_lines (id),
  kind            text NOT NULL CHECK (kind IN ('commitment', 'spend')),
  amount_cents    bigint NOT NULL CHECK (amount_cents > 0),
  booked_on       date NOT NULL,
  description     text NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
  document_ref    text NOT NULL CHECK (length(document_ref) BETWEEN 1 AND 200),
  commitment_id   uuid REFERENCES finance_entries (id),
  status          text NOT NULL CHECK (status IN ('approved', 'pending', 'rejected')),
  submitted_by    uuid REFERENCES users (id),
  submitted_name  text NOT NULL,
  decided_by      uuid REFERENCES users (id),
  decided_name    text,
  decided_at      timestamptz,
  decision_note   text NOT NULL DEFAULT '',
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (commitment_id IS NULL OR kind = 'spend'),
  CHECK (status <> 'approved' OR decided_by IS NULL OR decided_by IS DISTINCT FROM submitted_by)
);
CREATE INDEX finance_entries_line ON finance_entries (budget_line_id, status);
CREATE INDEX finance_entries_pending ON finance_entries (status) WHERE status = 'pending';

-- A budget proposal (begrotingsvoorstel / offerte) over a range of years: yearly operating costs financed
-- by shares of funding sources, optionally an investment whose capital charges (afschrijving, rente) enter
-- the budget-effect table. A proposal usually precedes the activity it pays for, so the link is optional.
CREATE TABLE budget_proposals (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title                     text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  reference                 text NOT NULL DEFAULT '',
  subject                   text NOT NULL DEFAULT '',
  activity_id               uuid,
  illustrative              boolean NOT NULL DEFAULT false,
  first_year                integer NOT NULL CHECK (first_year BETWEEN 2000 AND 2100),
  last_year                 integer NOT NULL CHECK (last_year BETWEEN 2000 AND 2100),
  structural                boolean NOT NULL DEFAULT true,
  investment_cents          bigint NOT NULL DEFAULT 0 CHECK (investment_cents >= 0),
  depreciation_years        integer CHECK (depreciation_years BETWEEN 1 AND 100),
  interest_bp               integer NOT NULL DEFAULT 0 CHECK (interest_bp BETWEEN 0 AND 10000),
  investment_year           integer CHECK (investment_year BETWEEN 2000 AND 2100),
  release_first_year        boolean NOT NULL DEFAULT false,
  reserve_covers_capital    boolean NOT NULL DEFAULT false,
  created_at                timestamptz NOT NULL DEFAULT now(),
  CHECK (last_year >= first_year AND last_year - first_year < 30),
  CHECK (investment_cents = 0 OR (depreciation_years IS NOT NULL AND investment_year IS NOT NULL))
);

CREATE UNIQUE INDEX budget_proposals_title_key ON budget_proposals (lower(title));

CREATE TABLE budget_proposal_years (
  proposal_id     uuid NOT NULL REFERENCES budget_proposals (id) ON DELETE CASCADE,
  year            integer NOT NULL,
  operating_cents bigint NOT NULL CHECK (operating_cents >= 0),
  PRIMARY KEY (proposal_id, year)
);

-- Who pays the operating costs, as shares (basis points) applied to every year.
CREATE TABLE budget_proposal_financing (
  proposal_id       uuid NOT NULL REFERENCES budget_proposals (id) ON DELETE CASCADE,
  funding_source_id uuid NOT NULL REFERENCES funding_sources (id),
  share_bp          integer NOT NULL CHECK (share_bp BETWEEN 1 AND 10000),
  PRIMARY KEY (proposal_id, funding_source_id)
);

CREATE TABLE finance_settings (
  key    text PRIMARY KEY CHECK (key IN ('approval_threshold_cents')),
  value  bigint NOT NULL CHECK (value >= 0)
);
INSERT INTO finance_settings (key, value) VALUES ('approval_threshold_cents', 1000000);
