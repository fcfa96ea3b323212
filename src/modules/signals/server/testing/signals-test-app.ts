import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SYSTEM_ACTOR } from '../../../../platform/server/index.js';
import { runImport } from '../../../indicators/index.js';
import { createTestApp, type TestApp, type TestSession } from '../../../../../test/support/test-app.js';

const DEMO_DIR = fileURLToPath(new URL('../../../../../data/demo/', import.meta.url));

/** The test app with the demo accounts and only Dordrecht's 2020 boundaries (what placing a signal needs). */
export async function createSignalsTestApp(env: Record<string, string> = {}, options: { logStream?: NodeJS.WritableStream } = {}): Promise<TestApp> {
  const t = await createTestApp(env, options);
  for (const file of ['dordrecht_gemeente_2020.geojson', 'dordrecht_wijken_2020.geojson', 'dordrecht_buurten_2020.geojson']) {
    await runImport(t.database.db, SYSTEM_ACTOR, { kind: 'pdok-geojson', fileName: file, content: readFileSync(`${DEMO_DIR}${file}`), year: 2020 });
  }
  return t;
}

/** Points inside known Dordrecht buurten (checked by the tests that use them). */
export const POINTS = {
  // Krispijnse Driehoek, BU05050305 in WK050503 (Dordt West)
  krispijn: { lon: 4.6633, lat: 51.8008 },
  // Binnenstad
  centrum: { lon: 4.6655, lat: 51.8135 },
  // Stadspolders
  stadspolders: { lon: 4.7200, lat: 51.7940 },
} as const;

export function signalBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'woonoverlast',
    occurredAt: '2026-10-01T21:30:00Z',
    location: POINTS.krispijn,
    description: 'Herhaaldelijk geluidsoverlast in de nacht (testgegevens).',
    confidentiality: 'internal',
    legalRegime: 'municipal-task',
    purpose: 'Aanpak woonoverlast in de wijk',
    ...overrides,
  };
}

export async function post(t: TestApp, session: TestSession, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: session.headers, payload: payload as Record<string, unknown> });
}

export async function get(t: TestApp, session: TestSession, url: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
}
