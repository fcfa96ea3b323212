import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { Benchmark, BenchmarkList, Overview, ReceivedDetail } from '../contract.js';
import { seedCircleDemo } from './demo-circle.js';

/**
 * The demo circle of two (data/demo/circle/README.md): a fresh Dordrecht demo registers the Baarn installation's
 * key and imports its checked-in signed bundle, so Baarn's lesson and trend are there; the made-up lesson says
 * it is illustrative; the median page says fewer than five share; seeding again changes nothing.
 */

let t: TestApp;
let manager: TestSession;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'learning', 'circle'] });
  manager = await t.login('regisseur');
}, 300_000);
afterAll(() => t?.close());

const get = <T>(url: string) => t.app.inject({ url, headers: { cookie: manager.cookie } }).then((r) => ({ status: r.statusCode, body: r.json<T>() }));

describe('the demo circle', () => {
  it('is Dordrecht with Baarn as a member whose bundle was imported and verified', async () => {
    const overview = (await get<Overview>('/api/v1/circle')).body;
    expect(overview.identity).toMatchObject({ name: 'Gemeente Dordrecht', municipalityCode: 'GM0505' });
    expect(overview.members.map((m) => [m.name, m.municipalityCode, m.lastSequence])).toEqual([['Gemeente Baarn', 'GM0308', 1]]);
    expect(overview.received.map((r) => r.kind).sort()).toEqual(['lesson', 'trend']);
    const lesson = overview.received.find((r) => r.kind === 'lesson')!;
    const detail = (await get<ReceivedDetail>(`/api/v1/circle/received/${lesson.id}`)).body;
    expect(detail.lesson?.isIllustrative).toBe(true);
    expect(detail.memberName).toBe('Gemeente Baarn');
  });

  it('shares Baarn’s real trend, shown only as “too few members”', async () => {
    const list = (await get<BenchmarkList>('/api/v1/circle/benchmarks')).body;
    expect(list.items).toEqual([{ indicator: 'share_households_low_income', indicatorName: expect.any(String), membersSharing: 1, enough: false }]);
    const benchmark = (await get<Benchmark>('/api/v1/circle/benchmarks/share_households_low_income')).body;
    expect(benchmark).toMatchObject({ enough: false, membersSharing: 1, years: [] });
  });

  it('has an illustrative meeting in four parts with an illustrative lesson', async () => {
    const meetings = (await get<{ items: { id: string; isIllustrative: boolean; lessonCount: number }[] }>('/api/v1/circle/meetings')).body.items;
    expect(meetings).toEqual([expect.objectContaining({ isIllustrative: true, lessonCount: 1 })]);
  });

  it('changes nothing when seeded again', async () => {
    const tables = ['circle_members', 'circle_received_items', 'circle_meetings', 'circle_lessons', 'circle_bundle_log', 'audit_log'];
    const before = await Promise.all(tables.map((table) => countRows(t.database, table)));
    await seedCircleDemo(t.database.db, t.config);
    expect(await Promise.all(tables.map((table) => countRows(t.database, table)))).toEqual(before);
  });
});
