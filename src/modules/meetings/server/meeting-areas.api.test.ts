import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { MeetingDetail } from '../contract.js';
import { calendarDate } from './calendar-date.js';

/** A meeting's area: any wijk, buurt or focus area of its municipality, or the gemeente as a whole. */

let t: TestApp;
let manager: TestSession;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'meetings'] });
  manager = await t.login('regisseur');
}, 300_000);
afterAll(() => t?.close());

const plan = (extra: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/meetings', headers: manager.headers, payload: { kind: 'wijkoverleg', title: 'Wijkoverleg', heldOn: calendarDate(t.clock.now()), municipality: 'GM0505', ...extra } });
const areaName = async (code: string) => (await t.app.inject({ url: `/api/v1/areas/${code}`, headers: { cookie: manager.cookie } })).json<{ name: string }>().name;

describe('the area of a meeting', () => {
  it.each([
    ['a buurt', 'BU05050100'],
    ['a wijk', 'WK050501'],
    ['a focus area', 'FAdordt-west'],
  ])('may be %s of the municipality', async (_name, code) => {
    const response = await plan({ areaCode: code });
    expect(response.statusCode, response.body).toBe(201);
    const meeting = response.json<MeetingDetail>();
    expect(meeting.areaCode).toBe(code);
    expect(meeting.areaName).toBe(await areaName(code));
  });

  it('may be the gemeente itself, which is stored as the whole gemeente (no area)', async () => {
    const response = await plan({ areaCode: 'GM0505' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<MeetingDetail>()).toMatchObject({ areaCode: null, areaName: 'Dordrecht' });
  });

  /** A wijk of another municipality, as loaded (the demo's wijken of every gemeente). */
  const foreignWijk = async (): Promise<string> => {
    const list = await t.app.inject({ url: '/api/v1/areas?level=wijk&municipality=GM0344', headers: { cookie: manager.cookie } });
    const code = list.json<{ items: { code: string }[] }>().items[0]?.code;
    if (!code) throw new Error('no wijk of Utrecht loaded');
    return code;
  };

  it.each([
    ['an unknown code', async () => 'BU99999999', /^unknown area BU99999999/, 'unknown_reference'],
    ['a wijk of another municipality', foreignWijk, / lies outside GM0505$/, 'area_outside_municipality'],
    ['another gemeente', async () => 'GM0363', /^GM0363 is not a wijk, buurt or focus area of GM0505/, 'area_not_allowed'],
    ['text that is no code at all', async () => "'; drop table meetings; --", /^unknown area/, 'unknown_reference'],
  ])('refuses %s with a field error on areaCode and changes nothing', async (_name, codeOf, message, fieldCode) => {
    const code = await codeOf();
    const before = [await countRows(t.database, 'meetings'), await countRows(t.database, 'audit_log')];
    const response = await plan({ areaCode: code });
    expect(response.statusCode).toBe(422);
    const errors = response.json<{ errors: { path: string; message: string; code: string }[] }>().errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path.replace(/^body\./, '')).toBe('areaCode');
    expect(errors[0]?.message).toMatch(message);
    // The web words the error by this code (issue 13, item 7), no longer by the English message.
    expect(errors[0]?.code).toBe(fieldCode);
    expect([await countRows(t.database, 'meetings'), await countRows(t.database, 'audit_log')]).toEqual(before);
  });

  it('refuses an empty or overlong area code by the contract', async () => {
    expect((await plan({ areaCode: '' })).statusCode).toBe(422);
    expect((await plan({ areaCode: 'x'.repeat(61) })).statusCode).toBe(422);
  });
});
