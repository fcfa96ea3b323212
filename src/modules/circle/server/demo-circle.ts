import { existsSync, readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { projectPath, SYSTEM_ACTOR, type AppConfig, type Database } from '../../../platform/server/index.js';
import { circleDb } from './circle.tables.js';
import { readIdentity, updateIdentity } from './identity.service.js';
import { importBundle } from './exchange.service.js';
import { createLesson, createMeeting } from './lessons.service.js';
import { addMember } from './members.service.js';

/**
 * The demo circle of two installations: this one is Dordrecht; the other is a real second installation for
 * Baarn, whose signed bundle and public key are checked in under data/demo/circle/ (made by
 * scripts/make-demo-circle-bundle.ts, see the README there). The seed registers Baarn as a member and imports
 * its bundle through the same import as the API, so the signature is checked. Plus one circle meeting with a
 * lesson of Dordrecht's own, both made up for the demo and marked illustrative. Idempotent.
 */

const DIR = projectPath('data', 'demo', 'circle');
const BAARN = { name: 'Gemeente Baarn', municipalityCode: 'GM0308' };

export async function seedCircleDemo(db: Kysely<Database>, config?: AppConfig): Promise<void> {
  const cdb = circleDb(db);
  // The key pair is sealed with SESSION_SECRET: without the config there is no key to make.
  if (config) {
    const identity = await readIdentity(db, config.sessionSecret, SYSTEM_ACTOR);
    if (!identity.municipalityCode) await updateIdentity(db, config.sessionSecret, SYSTEM_ACTOR, { name: 'Gemeente Dordrecht', municipalityCode: 'GM0505' });
  }
  const keyFile = `${DIR}/baarn.public-key.txt`;
  const bundleFile = `${DIR}/baarn.bundle.json`;
  if (existsSync(keyFile) && existsSync(bundleFile)) {
    const member = await cdb.selectFrom('circle_members').select(['id', 'last_sequence']).where('municipality_code', '=', BAARN.municipalityCode).executeTakeFirst();
    if (!member) await addMember(db, SYSTEM_ACTOR, { ...BAARN, publicKey: readFileSync(keyFile, 'utf8').trim() });
    const bundleText = readFileSync(bundleFile, 'utf8');
    const sequence = (JSON.parse(bundleText) as { sequence: number }).sequence;
    if (!member || Number(member.last_sequence) < sequence) await importBundle(db, SYSTEM_ACTOR, bundleText);
  }
  if (await cdb.selectFrom('circle_meetings').select('id').where('is_illustrative', '=', true).executeTakeFirst()) return;
  const meeting = await createMeeting(
    db,
    SYSTEM_ACTOR,
    {
      heldOn: '2026-11-12',
      hostMunicipality: 'Gemeente Dordrecht',
      place: 'Wijkcentrum Crabbehof, Dordrecht',
      notes: {
        nieuws: 'Voorbeeld: elke gemeente vertelde in vijf minuten wat er sinds de vorige kring veranderde in haar aanpakgebied.',
        intervisie: 'Voorbeeld: Dordrecht bracht een casus in over jongeren die na sluitingstijd bij het winkelcentrum blijven hangen.',
        thema: 'Voorbeeld: samenwerken met de woningcorporatie bij achter-voordeurbezoeken.',
        projectbezoek: 'Voorbeeld: wandeling langs de heringerichte speelplekken in Dordt West.',
      },
    },
    { isIllustrative: true },
  );
  await createLesson(
    db,
    SYSTEM_ACTOR,
    {
      title: 'Straatcoaches eerst, camera’s later (voorbeeld)',
      text: 'Voorbeeld voor de demo: bij overlast door jongeren werkte het beter om eerst met straatcoaches contact te leggen en pas daarna over camera’s te besluiten. Bewoners voelden zich meer gehoord.',
      theme: 'Jongeren en overlast',
      areaName: 'Dordt West',
      tags: ['jongeren', 'overlast', 'straatcoaches'],
      meetingId: meeting.id,
      meetingPart: 'intervisie',
    },
    { isIllustrative: true },
  );
}
