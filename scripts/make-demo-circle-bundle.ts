/**
 * Makes the demo circle's second member: a separate installation for Baarn with its own fresh database and its
 * own key pair, which shares one (illustrative) lesson and Baarn's real trend of low-income households, and
 * exports a signed bundle. Writes data/demo/circle/baarn.bundle.json and baarn.public-key.txt; the Dordrecht
 * demo seed registers that key and imports the bundle (data/demo/circle/README.md).
 *
 *   npx tsx scripts/make-demo-circle-bundle.ts
 *
 * The installation lives in memory and its session secret is random: when the script ends, Baarn's private key
 * is gone, so no one can sign another bundle in Baarn's name with it. Running the script again makes a new key
 * pair; commit both files together.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/platform/server/app.js';
import { loadConfig } from '../src/platform/server/config.js';
import { openDatabase } from '../src/platform/server/db.js';
import { migrate } from '../src/platform/server/migrate.js';
import { SERVER_MODULES } from '../src/platform/server/modules.js';
import { SYSTEM_ACTOR } from '../src/platform/server/index.js';
import { createLesson } from '../src/modules/circle/server/lessons.service.js';
import type { Bundle, Identity, Lesson } from '../src/modules/circle/contract.js';

const OUT = fileURLToPath(new URL('../data/demo/circle/', import.meta.url));
const BAARN = { name: 'Gemeente Baarn', municipalityCode: 'GM0308' };
/** Baarn's own StatLine series (2016–2023) in the indicator catalogue: share of households with a low income. */
const TREND = 'share_households_low_income';
/** The modules whose demo data this installation needs: the accounts, the areas and the CBS figures. */
const SEEDED = ['auth', 'areas', 'indicators'];

async function main(): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'warn', SESSION_SECRET: randomBytes(32).toString('hex'), RATE_LIMIT_PER_MINUTE: '100000' });
  const database = await openDatabase({});
  await migrate(database.db);
  for (const module of SERVER_MODULES.filter((m) => SEEDED.includes(m.name))) await module.seedDemo?.(database.db, config);
  const app = await buildApp({ config, database, clock: () => new Date(), version: 'demo-circle' });
  try {
    const login = async (username: string) => {
      const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: 'demo' } });
      if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
      const cookie = (response.headers['set-cookie'] as string[] | string | undefined) ?? [];
      const session = [cookie].flat().find((c) => c.startsWith('wr_session='))!.split(';')[0]!;
      return { cookie: session, 'x-csrf-token': response.json<{ csrfToken: string }>().csrfToken };
    };
    const call = async <T>(headers: Record<string, string>, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object): Promise<T> => {
      const response = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
      return response.json<T>();
    };
    const admin = await login('beheerder');
    const manager = await login('regisseur');
    const identity = await call<Identity>(admin, 'PUT', '/api/v1/circle/identity', BAARN);

    // Made up for the demo, so written through the service that can mark it illustrative (the API cannot).
    const lesson: Lesson = await createLesson(
      database.db,
      SYSTEM_ACTOR,
      {
        title: 'Inloopspreekuur geldzorgen in de bibliotheek (voorbeeld)',
        text: 'Voorbeeld voor de demo: een wekelijks inloopspreekuur over geldzorgen op een neutrale plek, de bibliotheek, bereikte meer huishoudens dan brieven van de gemeente. Vrijwilligers van de schuldhulp en een medewerker inkomen zaten samen aan tafel.',
        theme: 'Armoede en schulden',
        areaName: 'Baarn',
        tags: ['armoede', 'schulden', 'bibliotheek', 'vroegsignalering'],
      },
      { isIllustrative: true },
    );
    await call(manager, 'PUT', '/api/v1/circle/shares', { kind: 'lesson', key: lesson.id, level: 'circle' });
    await call(manager, 'PUT', '/api/v1/circle/shares', { kind: 'trend', key: TREND, level: 'circle' });
    const bundle = await call<Bundle>(manager, 'POST', '/api/v1/circle/exports');
    const trend = bundle.items.find((item) => item.kind === 'trend');
    if (!trend || (trend.payload as { values: unknown[] }).values.length === 0) throw new Error(`Baarn has no values for ${TREND}`);

    mkdirSync(OUT, { recursive: true });
    writeFileSync(path.join(OUT, 'baarn.bundle.json'), `${JSON.stringify(bundle, null, 2)}\n`);
    writeFileSync(path.join(OUT, 'baarn.public-key.txt'), `${identity.publicKey}\n`);
    console.log(`Bundle ${bundle.sequence} of ${BAARN.name} with ${bundle.items.length} items; key fingerprint ${identity.fingerprint}`);
  } finally {
    await app.close();
    await database.close();
  }
}

await main();
