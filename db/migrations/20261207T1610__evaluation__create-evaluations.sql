-- Evaluation module (docs/evaluation.md): interim and final evaluations of a programme against fixed
-- frameworks (Platform31's six lessons, the programme's own goals), scored by several evaluators, with
-- evidence linked and the success and failure factors kept in a shared library.

-- A framework is a versioned list of criteria. A new version is a new row; evaluations copy the criteria
-- they use, so an evaluation stays as it was scored when a framework changes.
CREATE TABLE evaluation_frameworks (
  id          uuid PRIMARY KEY,
  code        text NOT NULL CHECK (code ~ '^[a-z0-9_]{1,40}$'),
  version     integer NOT NULL CHECK (version >= 1),
  name        text NOT NULL,
  source      text NOT NULL,
  UNIQUE (code, version)
);

CREATE TABLE evaluation_framework_criteria (
  id            uuid PRIMARY KEY,
  framework_id  uuid NOT NULL REFERENCES evaluation_frameworks (id),
  position      integer NOT NULL,
  title         text NOT NULL,
  explanation   text NOT NULL,
  UNIQUE (framework_id, position)
);

-- Installed everywhere, not only in the demo: Platform31's six lessons for an area-based approach, as
-- Stadszaken reported them ("In zes stappen werken aan een gebiedsgerichte aanpak", on Platform31's study
-- "Werken aan opgaven in de wijk"). The explanations paraphrase that article.
INSERT INTO evaluation_frameworks (id, code, version, name, source) VALUES
  ('6f1d3c2a-31a0-4e31-8a31-000000000031', 'platform31', 1, 'Platform31 — zes lessen',
   'Platform31, "Werken aan opgaven in de wijk"; samengevat in Stadszaken, "In zes stappen werken aan een gebiedsgerichte aanpak"');

INSERT INTO evaluation_framework_criteria (id, framework_id, position, title, explanation) VALUES
  ('6f1d3c2a-31a0-4e31-8a31-000000000101', '6f1d3c2a-31a0-4e31-8a31-000000000031', 1, 'Urgentie',
   'De aanpak start met een breed gedragen gevoel van urgentie. Wat die urgentie is, verschilt per wijk: een incident (zoals de dreigende sluiting van een wijkgebouw) of een bredere trend (zoals achteruitgang van de leefbaarheid).'),
  ('6f1d3c2a-31a0-4e31-8a31-000000000102', '6f1d3c2a-31a0-4e31-8a31-000000000031', 2, 'Keuzes maken met data',
   'Gebiedsgericht maatwerk betekent keuzes maken: niet elke wijk krijgt hetzelfde beleid. Een datagedreven afwegingskader helpt daarbij.'),
  ('6f1d3c2a-31a0-4e31-8a31-000000000103', '6f1d3c2a-31a0-4e31-8a31-000000000031', 3, 'Klein beginnen',
   'Klein beginnen is een sleutel tot succes: begin met één of twee opgaven en breid vanaf daar uit. Een aanpak op het ene terrein kan andere terreinen een impuls geven.'),
  ('6f1d3c2a-31a0-4e31-8a31-000000000104', '6f1d3c2a-31a0-4e31-8a31-000000000031', 4, 'Compact kernteam',
   'De aanpak gedijt bij een overzichtelijk en slagvaardig kernteam met veel eigen verantwoordelijkheid. Het aantal betrokken partijen kan groeien zodra de basis gelegd is.'),
  ('6f1d3c2a-31a0-4e31-8a31-000000000105', '6f1d3c2a-31a0-4e31-8a31-000000000031', 5, 'Lange adem',
   'De leefbaarheid verbeteren kost meer tijd dan één bestuurstermijn. Voor continuïteit in beleid en samenwerking met partners is bestuurlijk lef nodig.'),
  ('6f1d3c2a-31a0-4e31-8a31-000000000106', '6f1d3c2a-31a0-4e31-8a31-000000000031', 6, 'Balans in samenwerking',
   'Integraal werken vraagt afstemming, maar iedereen overal bij betrekken leidt tot vertraging. De kunst is van elkaar te weten wat er speelt en de juiste dwarsverbanden te leggen.');

-- An evaluation of one programme. States: concept → scoring_open → scoring_closed → established
-- (vastgesteld, read-only for good; a correction is a new evaluation).
CREATE TABLE evaluations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id    uuid NOT NULL REFERENCES programmes (id),
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  kind            text NOT NULL CHECK (kind IN ('interim', 'final')),
  peildatum       date NOT NULL,
  status          text NOT NULL DEFAULT 'concept' CHECK (status IN ('concept', 'scoring_open', 'scoring_closed', 'established')),
  lead_user_id    uuid NOT NULL REFERENCES users (id),
  -- The programme's areas by name when the evaluation started, so what is shared later does not depend on
  -- who reads it.
  area_name       text NOT NULL DEFAULT '',
  is_demo         boolean NOT NULL DEFAULT false,
  established_at  timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evaluations_programme_idx ON evaluations (programme_id, created_at);

-- The criteria an evaluation uses, copied from a framework (framework_criterion_id) or made from one of the
-- programme's operational goals (goal_id), with the lead's conclusion.
CREATE TABLE evaluation_criteria (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  evaluation_id           uuid NOT NULL REFERENCES evaluations (id),
  position                integer NOT NULL,
  framework               text NOT NULL CHECK (framework IN ('platform31', 'programme_goals')),
  framework_criterion_id  uuid REFERENCES evaluation_framework_criteria (id),
  goal_id                 uuid,
  title                   text NOT NULL,
  explanation             text NOT NULL DEFAULT '',
  conclusion              text NOT NULL DEFAULT '' CHECK (length(conclusion) <= 4000),
  UNIQUE (evaluation_id, position),
  CHECK ((framework = 'platform31') = (framework_criterion_id IS NOT NULL)),
  CHECK ((framework = 'programme_goals') = (goal_id IS NOT NULL))
);

CREATE TABLE evaluation_evaluators (
  evaluation_id  uuid NOT NULL REFERENCES evaluations (id),
  user_id        uuid NOT NULL REFERENCES users (id),
  invited_by     uuid REFERENCES users (id),
  submitted_at   timestamptz,
  created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (evaluation_id, user_id)
);

-- One evaluator's score of one criterion: 1–5 with a motivation, or "niet te beoordelen" (score NULL).
CREATE TABLE evaluation_scores (
  criterion_id   uuid NOT NULL REFERENCES evaluation_criteria (id),
  evaluator_id   uuid NOT NULL REFERENCES users (id),
  score          integer CHECK (score BETWEEN 1 AND 5),
  motivation     text NOT NULL DEFAULT '' CHECK (length(motivation) <= 4000),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (criterion_id, evaluator_id),
  CHECK (score IS NULL OR length(btrim(motivation)) > 0)
);

-- Evidence with a criterion. Figures keep the value and year seen when linked, so the evaluation can be
-- reproduced; the page shows today's value beside it.
CREATE TABLE evaluation_evidence (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  criterion_id    uuid NOT NULL REFERENCES evaluation_criteria (id),
  added_by        uuid NOT NULL REFERENCES users (id),
  kind            text NOT NULL CHECK (kind IN ('figure', 'activity', 'goal', 'decision', 'document')),
  area_code       text,
  indicator_code  text,
  year            integer,
  value           double precision,
  target_id       uuid,
  meeting_id      uuid,
  label           text NOT NULL CHECK (length(label) BETWEEN 1 AND 2000),
  url             text CHECK (url IS NULL OR length(url) <= 2000),
  note            text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (kind <> 'figure' OR (area_code IS NOT NULL AND indicator_code IS NOT NULL AND year IS NOT NULL)),
  CHECK (kind NOT IN ('activity', 'goal', 'decision') OR target_id IS NOT NULL),
  CHECK (kind <> 'decision' OR meeting_id IS NOT NULL)
);
CREATE INDEX evaluation_evidence_criterion_idx ON evaluation_evidence (criterion_id, created_at);

-- The factor library: success and failure factors from established evaluations, and from documents (the
-- seeded ones, with their source). A factor of an evaluation enters the library when it is established.
CREATE TABLE evaluation_factors (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind            text NOT NULL CHECK (kind IN ('success', 'failure')),
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  explanation     text NOT NULL CHECK (length(explanation) BETWEEN 1 AND 4000),
  evaluation_id   uuid REFERENCES evaluations (id),
  criterion_id    uuid REFERENCES evaluation_criteria (id),
  criterion_title text,
  source          text,
  source_date     date,
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (evaluation_id IS NOT NULL OR source IS NOT NULL)
);
CREATE INDEX evaluation_factors_evaluation_idx ON evaluation_factors (evaluation_id);

-- A factor from the library taken into an evaluation, as a lesson to check there.
CREATE TABLE evaluation_adopted_factors (
  evaluation_id  uuid NOT NULL REFERENCES evaluations (id),
  factor_id      uuid NOT NULL REFERENCES evaluation_factors (id),
  note           text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  adopted_by     uuid NOT NULL REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (evaluation_id, factor_id)
);

-- The success and failure factors that the programme text on the Braakhuizen Zuid pilot states (published
-- 19-11-2018). The document announces that the factors will be formulated from the pilot; these are the
-- points it already names as conditions and risks, paraphrased and attributed, not an evaluation result.
INSERT INTO evaluation_factors (id, kind, title, explanation, criterion_title, source, source_date) VALUES
  ('6f1d3c2a-31a0-4e31-8a31-000000000201', 'success', 'Afstemming over domeinen en met bewoners',
   'Afstemming met en aansluiting van de sociale, ruimtelijke en veiligheidsdomeinen en met de bewoners kost meer tijd, maar levert meer rendement op.',
   'Balans in samenwerking', 'Wijkontwikkelingsplannen, pilot Braakhuizen Zuid (programmatekst, 19-11-2018)', '2018-11-19'),
  ('6f1d3c2a-31a0-4e31-8a31-000000000202', 'success', 'Kleine punten meteen aanpakken',
   'Kleinere punten die tijdens het opstellen van het wijkontwikkelingsplan naar voren komen en met een kleine bijdrage op te lossen zijn, dragen positief bij aan het proces in de wijk; pak ze samen met bewoners pro-actief op.',
   'Klein beginnen', 'Wijkontwikkelingsplannen, pilot Braakhuizen Zuid (programmatekst, 19-11-2018)', '2018-11-19'),
  ('6f1d3c2a-31a0-4e31-8a31-000000000203', 'success', 'Een integrale programmamanager',
   'Een programmamanager die integraal mensen bij elkaar brengt en de doelen uit de uitvoeringsagenda bereikt, is nodig om met de wijkontwikkelingsplannen aan de slag te gaan.',
   'Compact kernteam', 'Wijkontwikkelingsplannen, pilot Braakhuizen Zuid (programmatekst, 19-11-2018)', '2018-11-19'),
  ('6f1d3c2a-31a0-4e31-8a31-000000000204', 'success', 'Samen met bewoners en partners plannen maken',
   'De gemeente neemt het initiatief, maar bewoners, maatschappelijke partners en gemeente kijken samen hoe de wijk aantrekkelijker, sociaal bewuster en veiliger wordt; een multidisciplinair team van interne en externe partijen pakt per jaar concrete punten op.',
   NULL, 'Wijkontwikkelingsplannen, pilot Braakhuizen Zuid (programmatekst, 19-11-2018)', '2018-11-19'),
  ('6f1d3c2a-31a0-4e31-8a31-000000000205', 'failure', 'Geen ruimte in de formatie voor regie',
   'De integrale regie past niet binnen de bestaande formatie; zonder aanvullende middelen voor een programmamanager komt de aanpak niet van de grond.',
   'Compact kernteam', 'Wijkontwikkelingsplannen, pilot Braakhuizen Zuid (programmatekst, 19-11-2018)', '2018-11-19'),
  ('6f1d3c2a-31a0-4e31-8a31-000000000206', 'failure', 'Kosten van voorzieningen niet vooraf in beeld',
   'De kosten die uit plannen voor ontmoetingsplaatsen kunnen volgen, zijn bij het opstellen van het plan nog niet inzichtelijk of geraamd.',
   NULL, 'Wijkontwikkelingsplannen, pilot Braakhuizen Zuid (programmatekst, 19-11-2018)', '2018-11-19');
