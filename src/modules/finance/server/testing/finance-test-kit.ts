import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../../../../test/support/test-app.js';

/** Shared set-up of the finance API tests: the app with its clock on a fixed day, and plain request helpers. */

export interface FinanceKit {
  t: TestApp;
  post(session: TestSession, url: string, payload: unknown): Promise<LightMyRequestResponse>;
  put(session: TestSession, url: string, payload: unknown): Promise<LightMyRequestResponse>;
  get(session: TestSession, url: string): Promise<LightMyRequestResponse>;
  organisationId(kind: string): Promise<string>;
}

/** The app with its clock set to `day` at 10:00 UTC (a fixed "today" for forecasts and windows). */
export async function createFinanceKit(day = '2026-07-01'): Promise<FinanceKit> {
  const t = await createTestApp();
  t.clock.advanceMinutes(Math.round((Date.parse(`${day}T10:00:00Z`) - Date.now()) / 60_000));
  const json = (s: TestSession) => ({ ...s.headers, 'content-type': 'application/json' });
  return {
    t,
    post: (session, url, payload) => t.app.inject({ method: 'POST', url, headers: json(session), payload: JSON.stringify(payload) }),
    put: (session, url, payload) => t.app.inject({ method: 'PUT', url, headers: json(session), payload: JSON.stringify(payload) }),
    get: (session, url) => t.app.inject({ method: 'GET', url, headers: session.headers }),
    organisationId: async (kind) => {
      const row = await t.database.db.selectFrom('organisations').select('id').where('kind', '=', kind).executeTakeFirstOrThrow();
      return row.id;
    },
  };
}

/** A programme with one activity per given owner, made through the programmes API as any client would. */
export async function createProgrammeWithActivities(
  kit: FinanceKit,
  manager: TestSession,
  name: string,
  activities: readonly { name: string; ownerOrganisationId: string; partnerOrganisationIds?: string[] }[],
): Promise<{ programmeId: string; activityIds: string[] }> {
  const programme = await kit.post(manager, '/api/v1/programmes', { name, municipality: 'GM0505', horizonStart: '2023-01-01', horizonEnd: '2043-12-31' });
  expect(programme.statusCode, programme.body).toBe(201);
  const programmeId = programme.json().id as string;
  const activityIds: string[] = [];
  for (const a of activities) {
    const created = await kit.post(manager, `/api/v1/programmes/${programmeId}/activities`, { start: '2026-01-01', end: '2026-12-31', ...a });
    expect(created.statusCode, created.body).toBe(201);
    activityIds.push(created.json().id as string);
  }
  return { programmeId, activityIds };
}

/** A funding source of `totalCents` for 2026; returns its id. */
export async function createSource(kit: FinanceKit, finance: TestSession, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await kit.post(finance, '/api/v1/funding-sources', { name, kind: 'gemeentelijk_budget', funderName: 'Gemeente', totalCents: 100_000_000, spendFrom: '2026-01-01', spendUntil: '2026-12-31', ...extra });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}

/** A 2026 budget line on an activity, fully financed by one source; returns its id. */
export async function createLine(kit: FinanceKit, finance: TestSession, activityId: string, sourceId: string, description: string, amountCents = 50_000_000): Promise<string> {
  const created = await kit.post(finance, '/api/v1/budget-lines', { activityId, year: 2026, description, amountCents, allocations: [{ fundingSourceId: sourceId, shareBp: 10_000 }] });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}
