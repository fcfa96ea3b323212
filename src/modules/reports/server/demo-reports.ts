import type { Kysely } from 'kysely';
import { loadActorUser, type Actor, type Database } from '../../../platform/server/index.js';
import { findDemoProgrammeId } from '../../programmes/index.js';
import type { LetterBody } from '../contract.js';
import { calendarDate, dutchDate } from './dates.js';
import { createLetter } from './letters.service.js';
import { findDemoLetterId, findDemoSnapshotId, findSnapshot } from './reports.queries.js';
import { reportsDb } from './reports.tables.js';
import { takeSnapshot } from './snapshots.service.js';

/**
 * The demo of Dordt West: a snapshot with its progress report, and a council letter draft after Dordrecht's
 * raadsinformatiebrief of 29 August 2023 (seed 004). Facts from that letter (the programme, the cofinancing
 * from the Agenda 2030, the Preventie met Gezag grant) are kept as the letter states them; everything made up
 * for the demo says "voorbeeld", and persons are named by their role only. Taken by the demo programme
 * manager on the day of seeding. Idempotent: makes only what is missing.
 */
const DEMO_MANAGER = 'regisseur';

/** The report period: this calendar year, or last year and this January while January is young. */
function periodStartFor(today: string): string {
  const year = Number(today.slice(0, 4));
  return today.slice(5, 7) === '01' ? `${year - 1}-01-01` : `${year}-01-01`;
}

function demoLetter(snapshotId: string, peildatum: string): LetterBody {
  return {
    snapshotId,
    fields: {
      aan: 'de gemeenteraad',
      datum: dutchDate(peildatum),
      zaaknummer: '0000-0000000 (voorbeeld)',
      betreft: 'Voortgang Nationaal Programma Dordt West',
      portefeuillehouder: 'Burgemeester (voorbeeld)',
      begrotingsprogramma: 'Levendig, Leefbaar en Veilig Dordrecht',
      kernteam: 'Opgaven - Veilige Stad',
      auteur: 'Programmamanager Dordt West (voorbeeld)',
      email: 'programmabureau.dordtwest@example.nl',
      verantwoordelijke: 'Programmamanager Dordt West (voorbeeld)',
      openbaar: 'Ja',
    },
    sections: {
      aanleiding: [
        'Sinds de zomer van 2022 is Dordrecht met stedelijk focusgebied Dordt West toegetreden tot het Nationaal Programma Leefbaarheid en Veiligheid. Binnen dit programma werken het kabinet en 20 lokale allianties samen om de leefbaarheid en veiligheid van de meest kwetsbare gebieden in Nederland in 15-20 jaar tijd op orde te brengen.',
        `Voorbeeld: met deze brief informeren wij u over de voortgang van het Nationaal Programma Dordt West tot en met ${dutchDate(peildatum)}, zoals wij in de raadsinformatiebrief van 29 augustus 2023 hebben toegezegd.`,
      ].join('\n\n'),
      informatie: [
        'De Alliantie Dordt West werkt aan de ambitie en de doelen die zij in 2023 heeft vastgesteld. Hieronder staan de ambitie, de vijf programmapijlers, de tien strategische doelen en de stand van de operationele doelen op de peildatum.',
        'Voorbeeld: de operationele doelen, de activiteiten en de bedragen in deze demo zijn verzonnen om te laten zien hoe de brief eruitziet; de cijfers van de doelen komen uit de CBS-kerncijfers wijken en buurten.',
      ].join('\n\n'),
      vervolg: [
        'Er zal jaarlijks een kwalitatieve en kwantitatieve verantwoording worden opgesteld.',
        'Voorbeeld: het kernteam Dordt West bespreekt deze stand in zijn volgende overleg. Doelen die niet op koers liggen en acties die te laat zijn, krijgen daar een eigenaar en een nieuwe datum; wat het kernteam niet zelf kan oplossen, legt het voor aan het bestuurlijk overleg.',
      ].join('\n\n'),
      kosten: [
        'De samenwerking tussen het kabinet en de lokale allianties gaat uit van cofinanciering. De gemeente kan een groot deel van de cofinanciering halen uit de Agenda 2030. Daarnaast leveren zowel de gemeente als de andere partners een bijdrage door het uitlenen van formatie aan het integrale programmabureau.',
        'Voor de aanpak Preventie met Gezag ontvangen we in 4 jaarlijkse tranches een totaal bedrag van €\u00a04.301.208 voor de periode tot en met juni 2026. De stand per bron staat hieronder.',
      ].join('\n\n'),
      besluiten: 'Voorbeeld: in de periode nam het kernteam Dordt West de volgende besluiten.',
    },
    signers: ['', ''],
  };
}

export async function seedDemoReports(db: Kysely<Database>, now: Date = new Date()): Promise<void> {
  const programmeId = await findDemoProgrammeId(db);
  if (!programmeId) return;
  const rdb = reportsDb(db);
  const existingSnapshot = await findDemoSnapshotId(rdb, programmeId);
  if (existingSnapshot && (await findDemoLetterId(rdb, programmeId))) return;
  const manager = await db.selectFrom('users').select('id').where('username', '=', DEMO_MANAGER).executeTakeFirst();
  const user = manager ? await loadActorUser(db, manager.id) : null;
  if (!user) return;
  const actor: Actor = { ...user, via: 'session' };
  const today = calendarDate(now);
  const snapshotId =
    existingSnapshot ?? (await takeSnapshot(db, actor, programmeId, { title: `Voortgang tot ${dutchDate(today)}`, periodStart: periodStartFor(today) }, now, { isDemo: true })).id;
  const peildatum = (await findSnapshot(rdb, snapshotId))?.peildatum ?? today;
  if (!(await findDemoLetterId(rdb, programmeId))) await createLetter(db, actor, programmeId, demoLetter(snapshotId, peildatum), { isDemo: true });
}
