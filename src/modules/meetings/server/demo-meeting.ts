import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, type Database } from '../../../platform/server/index.js';
import type { LinkRef } from '../contract.js';
import { findActiveOrganisations } from './actions.queries.js';
import { addAction, updateAction } from './actions.service.js';
import { addDays, calendarDate } from './calendar-date.js';
import { asRequestActor, findAreaName } from './link-targets.js';
import type { MeetingsActor } from './meeting-access.js';
import { findDemoMeeting } from './meetings.queries.js';
import { addAgendaItem, addDecision, closeMeeting, createMeeting, setAgendaItemOutcome } from './meetings.service.js';
import { meetingsDb } from './meetings.tables.js';
import { setDecisionPublication } from './decision-publication.service.js';
import { findDemoProgrammeLinks } from './programme-links.js';

/**
 * An illustrative kernteam meeting of Dordt West (marked as demo data in the UI): three agenda items linked
 * to the priority area and, when the programmes module has its demo programme, to its goals and activities;
 * decisions with actions, one of them overdue and one done, so the direction dashboard and the reports' doorpak
 * figures have something real to show.
 * Dates are relative to the day of seeding. Idempotent: it does nothing once the meeting exists.
 */
export const DEMO_MEETING_TITLE = 'Kernteam Dordt West';

const DEMO_ACTOR: MeetingsActor = { ...SYSTEM_ACTOR, organisationId: null, roles: ['programme_manager'], areaScopes: [] };

const ORGANISATIONS = {
  gemeente: 'Gemeente Dordrecht',
  politie: 'Politie (demopartner)',
  corporatie: 'Woningcorporatie (demopartner)',
  zorg: 'Wijkteam welzijn en zorg (demopartner)',
} as const;

export async function seedDemoMeeting(db: Kysely<Database>, now: Date = new Date()): Promise<void> {
  const mdb = meetingsDb(db);
  if (await findDemoMeeting(mdb, DEMO_MEETING_TITLE)) return;
  // The municipality and the focus area come with the figures' demo data; without them, wait for a later start.
  if (!(await findAreaName(db, DEMO_ACTOR, 'GM0505')) || !(await findAreaName(db, DEMO_ACTOR, 'FAdordt-west'))) return;
  const organisations = new Map((await findActiveOrganisations(mdb)).map((o) => [o.name, o.id]));
  const org = (key: keyof typeof ORGANISATIONS): string => {
    const id = organisations.get(ORGANISATIONS[key]);
    if (!id) throw new Error(`demo organisation ${ORGANISATIONS[key]} missing`);
    return id;
  };
  const today = calendarDate(now);
  const heldOn = addDays(today, -14);
  const programme = await findDemoProgrammeLinks(db, asRequestActor(DEMO_ACTOR));
  const priority: LinkRef = { kind: 'priority', id: 'FAdordt-west' };

  let meeting = await createMeeting(
    db,
    DEMO_ACTOR,
    {
      kind: 'kernteam',
      title: DEMO_MEETING_TITLE,
      heldOn,
      location: 'Wijkcentrum Crabbehof',
      municipality: 'GM0505',
      areaCode: 'FAdordt-west',
      participantOrganisationIds: [org('gemeente'), org('politie'), org('corporatie'), org('zorg')],
    },
    now,
    { demo: true },
  );
  const add = async (title: string, description: string, links: LinkRef[]) => {
    meeting = await addAgendaItem(db, DEMO_ACTOR, meeting.id, { title, description, links }, now);
    const item = meeting.agendaItems.at(-1);
    if (!item) throw new Error('agenda item missing');
    return item.id;
  };
  const decide = async (itemId: string, text: string, requiresAction = true) => {
    meeting = await addDecision(db, DEMO_ACTOR, itemId, { text, requiresAction }, now);
    const decision = meeting.agendaItems.find((i) => i.id === itemId)?.decisions.at(-1);
    if (!decision) throw new Error('decision missing');
    return decision.id;
  };

  const housing = await add(
    'Overbewoning en illegale kamerverhuur Wielwijk',
    'Signalen van buurtbewoners en de wijkagent over overbewoning in de portiekflats; voorstel voor een integrale controle.',
    [priority, ...programme.housing],
  );
  const controls = await decide(housing, 'Woningcorporatie, politie en gemeente controleren gezamenlijk de adressen met signalen van overbewoning.');
  await addAction(db, DEMO_ACTOR, meeting.id, { title: 'Adressenlijst met signalen aanleveren aan politie en gemeente', decisionId: controls, ownerOrganisationId: org('corporatie'), dueDate: addDays(today, -4) }, now);
  await addAction(db, DEMO_ACTOR, meeting.id, { title: 'Integrale controle inplannen met handhaving', decisionId: controls, ownerOrganisationId: org('politie'), dueDate: addDays(today, 10) }, now);

  const youth = await add('Jongerenoverlast Crabbehof', 'Toename van meldingen rond het winkelcentrum in de avonduren.', [priority, ...programme.youth]);
  const evenings = await decide(youth, 'Het jongerenwerk verlengt de avondopenstelling van het jongerencentrum tot het einde van het jaar.');
  // The one decision residents see on the public Dordt West page (docs/publicpages.md), with its actions.
  await setDecisionPublication(db, DEMO_ACTOR, evenings, true, now);
  await addAction(db, DEMO_ACTOR, meeting.id, { title: 'Rooster avondopenstelling rondmaken en delen met de wijkagent', decisionId: evenings, ownerOrganisationId: org('zorg'), dueDate: addDays(today, 7) }, now);
  // One action already done (five days after the meeting, on time), so "days from decision to action done" has a value.
  const rounds = await addAction(db, DEMO_ACTOR, meeting.id, { title: 'Avondrondes van wijkagent en jongerenwerk op elkaar afstemmen', decisionId: evenings, ownerOrganisationId: org('politie'), dueDate: addDays(today, -7) }, now);
  await updateAction(db, DEMO_ACTOR, rounds.id, { status: 'done', statusNote: 'Rondes staan in beide roosters.' }, new Date(now.getTime() - 9 * 86_400_000));

  const figures = await add('Leefbaarheidscijfers Dordt West', 'De analist licht het gebiedsprofiel toe (CBS-kerncijfers wijken en buurten).', [priority]);
  await decide(figures, 'Het kernteam neemt kennis van het gebiedsprofiel; geen vervolgactie.', false);

  await add('Rondvraag', '', []);
  const last = meeting.agendaItems.at(-1);
  if (last) {
    meeting = await setAgendaItemOutcome(db, DEMO_ACTOR, last.id, { noDecisionReason: 'Geen punten ingebracht.' }, now);
  }
  await closeMeeting(db, DEMO_ACTOR, meeting.id, now);
}
