import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { startOfRateLimitWindow } from '../../../../test/support/rate-limit-window.js';
import { CODE_ALPHABET as ALPHABET, STANDARD_QUESTIONS } from '../contract.js';
import { surveyJobs } from './survey.jobs.js';
import { SURVEY_REQUESTS_PER_CODE_PER_MINUTE, SURVEY_REQUESTS_PER_IP_PER_MINUTE } from './survey.routes.js';

/** The resident survey through the API, on the real tables (docs/survey.md). */

let t: TestApp;
let analyst: TestSession;
let demo: { id: string; buurten: { code: string; wijkCode: string }[] };
let ipCounter = 0;
/** Each request from an address of its own, unless a test is about the limit per address. */
const nextIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'survey'] });
  analyst = await t.login('analist');
  const list = (await t.app.inject({ url: '/api/v1/surveys', headers: { cookie: analyst.cookie } })).json();
  demo = (await t.app.inject({ url: `/api/v1/surveys/${list.items[0].id}`, headers: { cookie: analyst.cookie } })).json();
}, 120_000);
afterAll(() => t.close());

const post = (url: string, payload: unknown, remoteAddress = nextIp()) => t.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress });

/** Makes codes through the API and reads them back from the CSV, the way a mail merge would. */
async function makeCodes(surveyId: string, buurtCodes: string[], perBuurt: number): Promise<Map<string, string[]>> {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${surveyId}/code-batches`, headers: analyst.headers, payload: { buurtCodes, perBuurt, format: 'csv' } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('buurtcode;buurt;code;adres_enquete;open_van;open_tot_en_met');
  const byBuurt = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    const [buurt, , code] = line.split(';') as [string, string, string];
    byBuurt.set(buurt, [...(byBuurt.get(buurt) ?? []), code]);
  }
  return byBuurt;
}

const answerWithCode = (code: string, answers: Record<string, unknown>, ip = nextIp()) => post('/api/v1/survey-invitations/responses', { code, answers }, ip);

async function snapshot() {
  return { responses: await countRows(t.database, 'survey_responses'), used: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM survey_codes WHERE used`.execute(t.database.db)).rows[0]!.n, tokens: await countRows(t.database, 'survey_open_tokens') };
}

describe('survey definition', () => {
  it('seeds the Dordrecht survey over Dordt West with the standard questions, open today', () => {
    expect(demo).toMatchObject({ municipalityCode: 'GM0505', municipalityName: 'Dordrecht', open: true, minRespondents: 10 });
    expect(demo.buurten.length).toBeGreaterThan(5);
    expect(new Set(demo.buurten.map((b) => b.wijkCode))).toEqual(new Set(['WK050503', 'WK050504', 'WK050507', 'WK050508']));
  });

  it('refuses a threshold below 5, an unknown buurt, a choice without options and other bad input with 422, storing nothing', async () => {
    const before = await countRows(t.database, 'surveys');
    const auditBefore = await countRows(t.database, 'audit_log');
    const base = { municipalityCode: 'GM0505', title: 'Test', year: 2024, opensOn: '2026-01-01', closesOn: '2026-02-01', buurtCodes: [demo.buurten[0]!.code], questions: STANDARD_QUESTIONS };
    const cases: { payload: object; path: string }[] = [
      { payload: { ...base, minRespondents: 4 }, path: 'body.minRespondents' },
      { payload: { ...base, buurtCodes: ['BU03080000'] }, path: 'body.buurtCodes.0' },
      { payload: { ...base, closesOn: '2025-12-31' }, path: 'body.closesOn' },
      { payload: { ...base, questions: [{ key: 'k', kind: 'choice', textNl: 'Vraag', textEn: 'Question' }] }, path: 'body.questions.0.options' },
      { payload: { ...base, questions: [{ key: 'k', kind: 'rating', textNl: 'Vraag', textEn: 'Q' }, { key: 'k', kind: 'open', textNl: 'Vraag', textEn: 'Q' }] }, path: 'body.questions.1.key' },
      { payload: { ...base, questions: [] }, path: 'body.questions' },
    ];
    for (const { payload, path } of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/surveys', headers: analyst.headers, payload });
      expect(res.statusCode, path).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const low = await t.app.inject({ method: 'PATCH', url: `/api/v1/surveys/${demo.id}`, headers: analyst.headers, payload: { minRespondents: 3 } });
    expect(low.statusCode).toBe(422);
    expect(low.json().errors[0]).toMatchObject({ path: 'body.minRespondents', code: 'too_small', params: { minimum: 5 } });
    expect(await countRows(t.database, 'surveys')).toBe(before);
    expect(await countRows(t.database, 'audit_log')).toBe(auditBefore);
    expect((await t.app.inject({ url: `/api/v1/surveys/${demo.id}`, headers: { cookie: analyst.cookie } })).json().minRespondents).toBe(10);
  });
});

describe('invitation codes', () => {
  it('stores only keyed hashes, makes a PDF of letters, and lets each code answer once', async () => {
    const buurt = demo.buurten[0]!.code;
    const codes = (await makeCodes(demo.id, [buurt], 3)).get(buurt)!;
    expect(codes).toHaveLength(3);
    for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const stored = (await sql<{ code_hash: string }>`SELECT code_hash FROM survey_codes`.execute(t.database.db)).rows.map((r) => r.code_hash).join(' ');
    for (const code of codes) {
      expect(stored).not.toContain(code.replace(/-/g, ''));
      expect(stored.toUpperCase()).not.toContain(code.replace(/-/g, ''));
    }
    const pdf = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${demo.id}/code-batches`, headers: analyst.headers, payload: { buurtCodes: [buurt], perBuurt: 2, format: 'pdf' } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const lookup = await post('/api/v1/survey-invitations/lookup', { code: codes[0]!.toLowerCase() });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json().buurt.code).toBe(buurt);
    expect(lookup.json().survey.questions).toHaveLength(STANDARD_QUESTIONS.length);

    const first = await answerWithCode(codes[0]!, { woonomgeving: 7, ontwikkeling: 'same', onveilig: 'soms', opmerking: 'Meer groen graag' });
    expect(first.statusCode).toBe(201);
    const before = await snapshot();
    const again = await answerWithCode(codes[0]!, { woonomgeving: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('urn:wijkregie:problem:survey.code_used');
    expect((await post('/api/v1/survey-invitations/lookup', { code: codes[0]! })).statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it('answers an unknown code 404 and a malformed one 422, changing nothing', async () => {
    const before = await snapshot();
    const unknown = await answerWithCode('ZZZZ-ZZZZ-ZZZZ', { woonomgeving: 7 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().type).toBe('urn:wijkregie:problem:survey.code_unknown');
    const malformed = await answerWithCode('12345', { woonomgeving: 7 });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().errors[0].path).toBe('body.code');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses answers that do not fit their questions with 422, and the code stays usable', async () => {
    const buurt = demo.buurten[1]!.code;
    // Two codes: one code may be tried only a few times a minute.
    const [code, other] = (await makeCodes(demo.id, [buurt], 2)).get(buurt)!;
    const before = await snapshot();
    const cases: { answers: unknown; path: string }[] = [
      { answers: { woonomgeving: 11 }, path: 'body.answers.woonomgeving' },
      { answers: { woonomgeving: 0 }, path: 'body.answers.woonomgeving' },
      { answers: { ontwikkeling: 'beter' }, path: 'body.answers.ontwikkeling' },
      { answers: { onveilig: 'altijd' }, path: 'body.answers.onveilig' },
      { answers: { woonomgeving: 'zeven' }, path: 'body.answers.woonomgeving' },
      { answers: { bestaatniet: 5 }, path: 'body.answers.bestaatniet' },
      { answers: {}, path: 'body.answers' },
      { answers: { opmerking: '   ' }, path: 'body.answers.opmerking' },
    ];
    for (const [i, { answers, path }] of cases.entries()) {
      const res = await answerWithCode(i < 4 ? code! : other!, answers as Record<string, unknown>);
      expect(res.statusCode, JSON.stringify(answers)).toBe(422);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await snapshot()).toEqual(before);
    expect((await answerWithCode(code!, { veiligheid: 6 })).statusCode).toBe(201);
  });

  it('refuses answers while the survey is closed, and takes them again once it is open', async () => {
    const buurt = demo.buurten[2]!.code;
    const [code] = (await makeCodes(demo.id, [buurt], 1)).get(buurt)!;
    const today = calendarDayOf(t.clock.now());
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const original = demo as unknown as { closesOn: string };
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/surveys/${demo.id}`, headers: analyst.headers, payload: { closesOn: yesterday } })).statusCode).toBe(200);
    const before = await snapshot();
    const closed = await answerWithCode(code!, { woonomgeving: 8 });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().type).toBe('urn:wijkregie:problem:survey.closed');
    const open = await post(`/api/v1/survey-forms/${demo.id}/responses`, { buurtCode: buurt, answers: { woonomgeving: 8 }, browserToken: 'a'.repeat(30) });
    expect(open.statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
    expect((await t.app.inject({ url: `/api/v1/survey-forms/${demo.id}` })).json().open).toBe(false);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/surveys/${demo.id}`, headers: analyst.headers, payload: { closesOn: original.closesOn } });
    expect((await answerWithCode(code!, { woonomgeving: 8 })).statusCode).toBe(201);
  });
});

describe('code batches: bad input', () => {
  it('refuses a buurt outside the survey, zero or too many codes and an unknown format with 422, storing nothing', async () => {
    const before = { codes: await countRows(t.database, 'survey_codes'), batches: await countRows(t.database, 'survey_code_batches'), audit: await countRows(t.database, 'audit_log') };
    const buurt = demo.buurten[0]!.code;
    const cases: { payload: object; path: string }[] = [
      { payload: { buurtCodes: ['BU03080000'], perBuurt: 2, format: 'csv' }, path: 'body.buurtCodes.0' },
      { payload: { buurtCodes: [buurt], perBuurt: 0, format: 'csv' }, path: 'body.perBuurt' },
      { payload: { buurtCodes: [buurt, demo.buurten[1]!.code, demo.buurten[2]!.code, demo.buurten[3]!.code, demo.buurten[4]!.code], perBuurt: 5000, format: 'pdf' }, path: 'body.perBuurt' },
      { payload: { buurtCodes: [buurt], perBuurt: 2, format: 'docx' }, path: 'body.format' },
      { payload: { buurtCodes: [], perBuurt: 2, format: 'csv' }, path: 'body.buurtCodes' },
    ];
    for (const { payload, path } of cases) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${demo.id}/code-batches`, headers: analyst.headers, payload });
      expect(res.statusCode, path).toBe(422);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/surveys/00000000-0000-4000-8000-000000000000/code-batches', headers: analyst.headers, payload: { buurtCodes: [buurt], perBuurt: 2, format: 'csv' } });
    expect(unknown.statusCode).toBe(404);
    expect({ codes: await countRows(t.database, 'survey_codes'), batches: await countRows(t.database, 'survey_code_batches'), audit: await countRows(t.database, 'audit_log') }).toEqual(before);
  });
});

describe('the open link', () => {
  it('takes an answer with the buurt the resident names, as channel open, and refuses the same browser twice', async () => {
    const buurt = demo.buurten[3]!.code;
    const form = await t.app.inject({ url: `/api/v1/survey-forms/${demo.id}` });
    expect(form.statusCode).toBe(200);
    expect(form.json().buurten.map((b: { code: string }) => b.code)).toContain(buurt);
    const token = 'Tk9wZW5MaW5rVG9rZW4xMjM0NTY3ODk';
    const first = await post(`/api/v1/survey-forms/${demo.id}/responses`, { buurtCode: buurt, answers: { veiligheid: 5 }, browserToken: token });
    expect(first.statusCode).toBe(201);
    const rows = (await sql<{ channel: string }>`SELECT channel FROM survey_responses WHERE buurt_code = ${buurt}`.execute(t.database.db)).rows;
    expect(rows.map((r) => r.channel)).toEqual(['open']);
    const before = await snapshot();
    const twice = await post(`/api/v1/survey-forms/${demo.id}/responses`, { buurtCode: buurt, answers: { veiligheid: 9 }, browserToken: token });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().type).toBe('urn:wijkregie:problem:survey.already_answered');
    const outside = await post(`/api/v1/survey-forms/${demo.id}/responses`, { buurtCode: 'BU03080000', answers: { veiligheid: 9 }, browserToken: 'b'.repeat(30) });
    expect(outside.statusCode).toBe(422);
    const badToken = await post(`/api/v1/survey-forms/${demo.id}/responses`, { buurtCode: buurt, answers: { veiligheid: 9 }, browserToken: 'short' });
    expect(badToken.statusCode).toBe(422);
    expect(await snapshot()).toEqual(before);
    // The token is kept only as a keyed hash.
    const tokens = (await sql<{ token_hash: string }>`SELECT token_hash FROM survey_open_tokens`.execute(t.database.db)).rows;
    expect(tokens.some((r) => r.token_hash.includes(token))).toBe(false);
  });
});

describe('the open link tokens', () => {
  it('are wiped by the hourly job once the survey has closed, not before', async () => {
    const tokens = () => sql<{ n: number }>`SELECT count(*)::int AS n FROM survey_open_tokens WHERE survey_id = ${demo.id}`.execute(t.database.db).then((r) => r.rows[0]!.n);
    const job = surveyJobs.find((j) => j.name === 'survey-open-tokens-wipe')!;
    const run = () => job.run({ db: t.database.db, config: t.config, now: t.clock.now });
    expect(await tokens()).toBeGreaterThan(0);
    await run();
    expect(await tokens()).toBeGreaterThan(0);
    const today = calendarDayOf(t.clock.now());
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const closesOn = (demo as unknown as { closesOn: string }).closesOn;
    await t.app.inject({ method: 'PATCH', url: `/api/v1/surveys/${demo.id}`, headers: analyst.headers, payload: { closesOn: yesterday } });
    await run();
    expect(await tokens()).toBe(0);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/surveys/${demo.id}`, headers: analyst.headers, payload: { closesOn } });
  });
});

describe('rate limits', () => {
  it(`answers 429 after ${SURVEY_REQUESTS_PER_IP_PER_MINUTE} requests a minute from one address`, async () => {
    await startOfRateLimitWindow();
    const ip = '10.9.9.9';
    const statuses: number[] = [];
    for (let i = 0; i <= SURVEY_REQUESTS_PER_IP_PER_MINUTE; i += 1) statuses.push((await post('/api/v1/survey-invitations/lookup', { code: `WWWW-WWWW-${ALPHABET[i % 32]}${ALPHABET[Math.floor(i / 32)]}WW` }, ip)).statusCode);
    expect(statuses).toEqual([...new Array<number>(SURVEY_REQUESTS_PER_IP_PER_MINUTE).fill(404), 429]);
  });

  it(`answers 429 after ${SURVEY_REQUESTS_PER_CODE_PER_MINUTE} tries a minute with one code, from any address`, async () => {
    await startOfRateLimitWindow();
    const statuses: number[] = [];
    for (let i = 0; i <= SURVEY_REQUESTS_PER_CODE_PER_MINUTE; i += 1) statuses.push((await post('/api/v1/survey-invitations/lookup', { code: 'YYYY-YYYY-YYYY' })).statusCode);
    expect(statuses.slice(0, SURVEY_REQUESTS_PER_CODE_PER_MINUTE).every((s) => s === 404)).toBe(true);
    const last = await post('/api/v1/survey-invitations/lookup', { code: 'yyyy yyyy yyyy' });
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
  });
});

describe('unlinkability', () => {
  it('no table holds both a code (or its hash) and an answer, and the code rows carry no time or order', async () => {
    const buurt = demo.buurten[4]!.code;
    const codes = (await makeCodes(demo.id, [buurt], 5)).get(buurt)!;
    for (const [i, code] of codes.slice(0, 3).entries()) expect((await answerWithCode(code, { woonomgeving: 5 + i })).statusCode).toBe(201);

    const columns = (await sql<{ table_name: string; column_name: string; data_type: string; column_default: string | null }>`
      SELECT table_name, column_name, data_type, column_default FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`.execute(t.database.db)).rows;
    const byTable = new Map<string, typeof columns>();
    for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c]);
    // No table (of any module) has both an answers column and a code column.
    for (const [table, cols] of byTable) {
      const names = cols.map((c) => c.column_name);
      expect(names.includes('answers') && names.some((n) => n.includes('code_hash') || n === 'code'), table).toBe(false);
    }
    expect(byTable.get('survey_responses')!.map((c) => c.column_name)).toEqual(['id', 'survey_id', 'buurt_code', 'channel', 'answers']);
    expect(byTable.get('survey_codes')!.map((c) => c.column_name)).toEqual(['code_hash', 'survey_id', 'buurt_code', 'used']);
    for (const table of ['survey_responses', 'survey_codes', 'survey_open_tokens']) {
      for (const c of byTable.get(table)!) {
        expect(c.data_type, `${table}.${c.column_name}`).not.toMatch(/time|date|serial|integer|bigint/);
        expect(c.column_default ?? '', `${table}.${c.column_name}`).not.toMatch(/nextval/);
      }
    }
    // No stored answer contains a code hash.
    const hashes = (await sql<{ code_hash: string }>`SELECT code_hash FROM survey_codes WHERE used`.execute(t.database.db)).rows.map((r) => r.code_hash);
    const answers = (await sql<{ row: string }>`SELECT row_to_json(r)::text AS row FROM survey_responses r`.execute(t.database.db)).rows.map((r) => r.row).join('\n');
    for (const hash of hashes) expect(answers).not.toContain(hash);

    // The used codes of the buurt were all rewritten by the last answer's transaction, in random order:
    // the system columns cannot tell which was used when.
    const used = (await sql<{ xmin: string; ctid: string }>`SELECT xmin::text AS xmin, ctid::text AS ctid FROM survey_codes WHERE buurt_code = ${buurt} AND used`.execute(t.database.db)).rows;
    expect(used).toHaveLength(3);
    expect(new Set(used.map((r) => r.xmin)).size).toBe(1);
    // And no answer by a resident left a row in the audit log (a time per answer).
    const audit = (await sql<{ action: string }>`SELECT DISTINCT action FROM audit_log WHERE action LIKE 'survey.%'`.execute(t.database.db)).rows.map((r) => r.action).sort();
    expect(audit).toEqual(['survey.codes.create', 'survey.create', 'survey.update']);
  });
});

describe('concurrent answers', () => {
  it('six answers at once in one buurt leave all its used codes with one transaction id, and a code used twice at once counts once', async () => {
    const buurt = demo.buurten[5]!.code;
    const codes = (await makeCodes(demo.id, [buurt], 6)).get(buurt)!;
    const before = await countRows(t.database, 'survey_responses');
    const results = await Promise.all([...codes, codes[0]!].map((code) => answerWithCode(code, { leefbaarheid: 6 })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 201, 201, 201, 409]);
    expect(await countRows(t.database, 'survey_responses')).toBe(before + 6);
    const used = (await sql<{ xmin: string }>`SELECT xmin::text AS xmin FROM survey_codes WHERE buurt_code = ${buurt} AND used`.execute(t.database.db)).rows;
    expect(used).toHaveLength(6);
    expect(new Set(used.map((r) => r.xmin)).size).toBe(1);
  });
});

describe('results as figures', () => {
  it('publishes means and shares per buurt, wijk and total as indicator values, with primary and secondary suppression', async () => {
    const wijkOf = new Map<string, string[]>();
    for (const b of demo.buurten) wijkOf.set(b.wijkCode, [...(wijkOf.get(b.wijkCode) ?? []), b.code]);
    const [w1, w1Buurten] = [...wijkOf].find(([, buurten]) => buurten.length >= 3)!;
    const [b1, b2, b3] = w1Buurten as [string, string, string];
    const [w2, [b4]] = [...wijkOf].find(([w]) => w !== w1)! as [string, string[]];
    const today = calendarDayOf(t.clock.now());
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/surveys',
      headers: analyst.headers,
      payload: { municipalityCode: 'GM0505', title: 'Toets', year: 2025, opensOn: today, closesOn: today, buurtCodes: [b1, b2, b3, b4], questions: STANDARD_QUESTIONS },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const codes = await makeCodes(id, [b1, b2, b3, b4!], 11);
    // b1: 10 × 5; b2: 11 × 7 (4 better, 5 same, 2 worse); b3: 3 × 9; b4: 10 × 8 by code and 2 × 6 by the open link.
    for (const code of codes.get(b1)!.slice(0, 10)) expect((await answerWithCode(code, { veiligheid: 5 })).statusCode).toBe(201);
    const trends = ['better', 'better', 'better', 'better', 'same', 'same', 'same', 'same', 'same', 'worse', 'worse'];
    for (const [i, code] of codes.get(b2)!.entries()) expect((await answerWithCode(code, { veiligheid: 7, ontwikkeling: trends[i] })).statusCode).toBe(201);
    for (const code of codes.get(b3)!.slice(0, 3)) expect((await answerWithCode(code, { veiligheid: 9, opmerking: 'Te weinig licht' })).statusCode).toBe(201);
    for (const code of codes.get(b4!)!.slice(0, 10)) expect((await answerWithCode(code, { veiligheid: 8 })).statusCode).toBe(201);
    for (const i of [1, 2]) expect((await post(`/api/v1/survey-forms/${id}/responses`, { buurtCode: b4, answers: { veiligheid: 6 }, browserToken: `token-${i}-${'x'.repeat(24)}` })).statusCode).toBe(201);

    const results = (await t.app.inject({ url: `/api/v1/surveys/${id}/results`, headers: { cookie: analyst.cookie } })).json();
    // Respondents, worked out in docs/survey.md: b3 (3) is below 10, so b1 (10, the smallest other buurt of
    // the wijk) is withheld too; the 2 open answers withhold every channel cell, all channels together stay.
    expect(results.respondents[b1]).toEqual({ code: null, open: null, all: null });
    expect(results.respondents[b2]).toEqual({ code: null, open: null, all: 11 });
    expect(results.respondents[b3]).toEqual({ code: null, open: null, all: null });
    expect(results.respondents[b4!]).toEqual({ code: null, open: null, all: 12 });
    expect(results.respondents[w1]).toEqual({ code: null, open: null, all: 24 });
    expect(results.respondents[w2!]).toEqual({ code: null, open: null, all: 12 });
    expect(results.respondents.GM0505).toEqual({ code: null, open: null, all: 36 });
    expect(results.openTexts.find((o: { questionKey: string }) => o.questionKey === 'opmerking').texts).toEqual(['Te weinig licht', 'Te weinig licht', 'Te weinig licht']);

    const published = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/figures`, headers: analyst.headers });
    expect(published.statusCode).toBe(200);
    const values = (await sql<{ indicator_code: string; area_code: string; value: number | null; suppressed: boolean }>`
      SELECT indicator_code, area_code, value, suppressed FROM indicator_values WHERE year = 2025 AND indicator_code LIKE 'enq_gm0505_2025_%'`.execute(t.database.db)).rows;
    const value = (indicator: string, area: string) => values.find((v) => v.indicator_code === `enq_gm0505_2025_${indicator}` && v.area_code === area);
    expect(value('veiligheid_gem', b1)).toMatchObject({ value: null, suppressed: true });
    expect(value('veiligheid_gem', b3)).toMatchObject({ value: null, suppressed: true });
    expect(value('veiligheid_gem', b2)!.value).toBeCloseTo(7, 6);
    expect(value('veiligheid_gem', b4!)!.value).toBeCloseTo((10 * 8 + 2 * 6) / 12, 6);
    expect(value('veiligheid_gem', w1)!.value).toBeCloseTo((10 * 5 + 11 * 7 + 3 * 9) / 24, 6);
    expect(value('veiligheid_gem', 'GM0505')!.value).toBeCloseTo((50 + 77 + 27 + 92) / 36, 6);
    // Only b2 answered the trend question: its 11 pass, and every other cell of its wijk has none (suppressed).
    expect(value('ontwikkeling_beter', b2)!.value).toBeCloseTo((100 * 4) / 11, 6);
    expect(value('ontwikkeling_slechter', b2)!.value).toBeCloseTo((100 * 2) / 11, 6);
    expect(value('respondents', b2)).toMatchObject({ value: 11, suppressed: false });
    expect(value('respondents', b1)).toMatchObject({ suppressed: true });
    // Open answers never become figures.
    expect(values.some((v) => v.indicator_code.includes('opmerking'))).toBe(false);
    const catalogue = (await t.app.inject({ url: '/api/v1/indicators', headers: { cookie: analyst.cookie } })).json();
    const entry = (catalogue.items ?? catalogue).find((i: { code: string }) => i.code === 'enq_gm0505_2025_veiligheid_gem');
    expect(entry).toMatchObject({ source: 'Bewonersenquête Dordrecht 2025' });
    // The map's values endpoint serves them like CBS figures.
    const map = await t.app.inject({ url: `/api/v1/indicators/enq_gm0505_2025_veiligheid_gem/values?municipality=GM0505&level=buurt&period=2025`, headers: { cookie: analyst.cookie } });
    expect(map.statusCode).toBe(200);
    expect(JSON.stringify(map.json())).toContain(b2);
  }, 60_000);

  it('refuses the results and the codes to roles without survey.manage', async () => {
    const viewer = await t.login('politie');
    expect((await t.app.inject({ url: `/api/v1/surveys/${demo.id}/results`, headers: { cookie: viewer.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/surveys/${demo.id}/results` })).statusCode).toBe(401);
  });
});
