import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { Lesson } from '../../circle/contract.js';
import type { PublicLessonList } from '../contract.js';

/**
 * The public lessons page's API, on both databases: only this installation's own lessons at share level
 * "public" are on it, without author or ids; a lesson set back disappears at the next request. (That a
 * member's lesson never appears is tested with the circle's imports, circle.api.test.ts.)
 */

let t: TestApp;
let manager: TestSession;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas'] });
  manager = await t.login('regisseur');
}, 300_000);
afterAll(() => t?.close());

const publicLessons = async () => {
  const response = await t.app.inject({ url: '/api/v1/public/lessons' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['set-cookie']).toBeUndefined();
  return response.json<PublicLessonList>().items;
};
const share = (key: string, level: string) => t.app.inject({ method: 'PUT', url: '/api/v1/circle/shares', headers: manager.headers, payload: { kind: 'lesson', key, level } });

describe('public lessons', () => {
  let lesson: Lesson;

  beforeAll(async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/circle/lessons', headers: manager.headers, payload: { title: 'Schoonmaakochtend met de corporatie', text: 'Samen met de huurders de binnentuinen opruimen\ngaf meer dan de opruiming zelf.', theme: 'Samenwerking', areaName: 'Wielwijk', tags: ['corporatie'] } });
    expect(created.statusCode, created.body).toBe(201);
    lesson = created.json<Lesson>();
  });

  it('holds no lesson that is internal or shared with the circle only', async () => {
    expect(await publicLessons()).toEqual([]);
    expect((await share(lesson.id, 'circle')).statusCode).toBe(200);
    expect(await publicLessons()).toEqual([]);
  });

  it('holds a lesson shared as public, without its author or id, and drops it when set back', async () => {
    expect((await share(lesson.id, 'public')).statusCode).toBe(200);
    const items = await publicLessons();
    expect(items).toEqual([
      { title: 'Schoonmaakochtend met de corporatie', text: 'Samen met de huurders de binnentuinen opruimen\ngaf meer dan de opruiming zelf.', theme: 'Samenwerking', areaName: 'Wielwijk', tags: ['corporatie'], isIllustrative: false, meeting: null, recordedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    ]);
    expect(JSON.stringify(items)).not.toMatch(/Demo Programmamanager|regisseur|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect((await share(lesson.id, 'internal')).statusCode).toBe(200);
    expect(await publicLessons()).toEqual([]);
  });

});
