import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/platform/shared/permissions.js';
import { approvePendingRoleGrants } from '../support/four-eyes.js';
import { createTestApp, type TestApp, type TestSession } from '../support/test-app.js';

/**
 * Bad input at every route (SECURITY.md 16): unknown properties and wrong types give 422, a wrong content
 * type 415, an oversized body 413, broken JSON 400 — never a 5xx or a stack trace, and nothing changes.
 * The routes and their schemas come from the OpenAPI document, so a new route is fuzzed without edits here.
 */

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  format?: string;
  pattern?: string;
}
interface Operation {
  method: string;
  path: string;
  bodySchema?: JsonSchema;
  queryNames: string[];
  querySchemas: Record<string, JsonSchema>;
  pathParams: string[];
}

let t: TestApp;
let admin: TestSession;
let operations: Operation[] = [];
let tables: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  // One user holding every role, so each route gets past authorization and its validation is what is tested.
  const beheerder = await t.login('beheerder');
  const organisationId = (await t.app.inject({ url: '/api/v1/organisations', headers: { cookie: beheerder.cookie } })).json().items[0].id;
  const everyRole = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: beheerder.headers,
    payload: { username: 'alle.rollen', displayName: 'Alle rollen', password: 'a long test password', organisationId, roles: [...ROLES] },
  });
  expect(everyRole.statusCode).toBe(201);
  // administrator and case_officer wait for a second administrator (four eyes, docs/adr/0007).
  await approvePendingRoleGrants(t, everyRole.json().id);
  admin = await t.login('alle.rollen', 'a long test password');
  const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> }; parameters?: { in: string; name: string; schema?: JsonSchema }[] }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      bodySchema: op.requestBody?.content['application/json']?.schema,
      queryNames: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      querySchemas: Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}])),
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
    })),
  );
  const { rows } = await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(t.database.db);
  tables = rows.map((r) => r.tablename);
});
afterAll(() => t.close());

/** Row counts of every table, in one query: the fuzz takes two per route and test, over every table. */
async function snapshot(): Promise<Record<string, number>> {
  const counts = sql.join(tables.map((table) => sql`SELECT ${table}::text AS name, count(*)::int AS n FROM ${sql.table(table)}`), sql` UNION ALL `);
  const { rows } = await sql<{ name: string; n: number }>`${counts}`.execute(t.database.db);
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}

const PATH_VALUES: Record<string, string> = { role: 'viewer', seq: '1', code: 'GM0505', slug: 'privacy' };
const validPathValue = (name: string) => PATH_VALUES[name] ?? '00000000-0000-4000-8000-000000000000';
const urlOf = (op: Operation, value: (name: string) => string = validPathValue) =>
  op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(value(name)));

function typesOf(schema: JsonSchema): Set<string> {
  const types = new Set<string>();
  for (const s of [schema, ...(schema.anyOf ?? [])]) for (const type of [s.type ?? []].flat()) types.add(type);
  if (types.has('integer')) types.add('number');
  return types;
}

/** A JSON value whose type the schema does not allow. */
function wrongTypeFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const allowed = typesOf(schema);
  const candidates: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.string({ maxLength: 20 })],
    ['number', fc.double({ noNaN: true, noDefaultInfinity: true })],
    ['boolean', fc.boolean()],
    ['array', fc.array(fc.jsonValue(), { maxLength: 3 })],
    ['object', fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 3 })],
  ];
  const wrong = candidates.filter(([type]) => !allowed.has(type)).map(([, arbitrary]) => arbitrary);
  return wrong.length ? fc.oneof(...wrong) : fc.constant(Symbol('unrepresentable'));
}

/** Text no database column can hold as sent: NUL, or a lone UTF-16 surrogate (either half). */
const malformedText = fc
  .tuple(fc.string({ maxLength: 6 }), fc.constantFrom('\u0000', '\ud800', '\udfff', '\ud83d'), fc.string({ maxLength: 6 }))
  .map(([before, bad, after]) => `${before}${bad}${after}`);

/** Whether a schema (or one of its alternatives) is a date or a date-time. */
function dateKindOf(schema: JsonSchema): 'date' | 'date-time' | null {
  for (const s of [schema, ...(schema.anyOf ?? [])]) {
    if (s.format === 'date-time') return 'date-time';
    if (s.format === 'date' || s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return 'date';
  }
  return null;
}
/** Dates that look right but that PostgreSQL cannot hold (no year 0) or that lie far outside any plan. */
const impossibleDates = { date: ['0000-01-01', '9999-12-31'], 'date-time': ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z'] };

function expectCleanProblem(response: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number): void {
  expect(response.statusCode, response.body).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  expect(response.body).not.toMatch(/\n\s+at |node_modules|stack/);
}

/** What Fastify's JSON parser refuses: a `__proto__` key, or a `constructor` key holding a `prototype` key. */
function hasPoisoningKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasPoisoningKey);
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.includes('__proto__')) return true;
  const ctor = keys.includes('constructor') ? record.constructor : undefined;
  if (ctor && typeof ctor === 'object' && Object.keys(ctor).includes('prototype')) return true;
  return keys.some((key) => hasPoisoningKey(record[key]));
}

const bodyOps = () => operations.filter((op) => op.bodySchema?.properties);
/**
 * The public routes (initiatives, survey, newsletter) allow a few requests a minute or an hour per caller —
 * per IP address for a visitor, per user for someone logged in — and this test sends hundreds; their refusal
 * (429) must not answer before the validation this test is about. So a request to a public route goes as a
 * visitor would send it, without the session, each from its own address.
 */
let requestNumber = 0;
function inject(options: InjectOptions) {
  requestNumber += 1;
  if (!String(options.url).startsWith('/api/v1/public/')) return t.app.inject(options);
  const { cookie: _cookie, 'x-csrf-token': _csrf, ...headers } = (options.headers ?? {}) as Record<string, string>;
  return t.app.inject({ ...options, headers, remoteAddress: `10.${(requestNumber >> 16) & 255}.${(requestNumber >> 8) & 255}.${requestNumber & 255}` });
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
// Each of the two fuzz tests walks every body route (dozens, and more with every module): its time grows
// with the API, so it gets a budget of its own instead of the project's 60 s per test.
const FUZZ_TIMEOUT_MS = 15 * 60_000;

describe('bad input changes nothing', () => {
  it('finds the routes to fuzz in the OpenAPI document', () => {
    expect(bodyOps().length).toBeGreaterThanOrEqual(9);
  });

  it('rejects unknown properties with 422 on every route with a body', async () => {
    for (const op of bodyOps()) {
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
          fc.string({ minLength: 1, maxLength: 12 }).map((s) => `x_${s}`),
          fc.jsonValue({ maxDepth: 2 }),
          async (random, unknownKey, unknownValue) => {
            const payload = { ...random, [unknownKey]: unknownValue };
            const response = await inject({ method: op.method as 'POST', url: urlOf(op), headers: admin.headers, payload });
            // Fastify refuses prototype-poisoning keys while parsing, before validation: 400 is right there.
            expectCleanProblem(response, hasPoisoningKey(JSON.parse(JSON.stringify(payload))) ? 400 : 422);
          },
        ),
        { numRuns: RUNS },
      );
      expect(await snapshot(), `${op.method} ${op.path}`).toEqual(before);
    }
  }, FUZZ_TIMEOUT_MS);

  it('rejects wrong types with 422 on every route with a body', async () => {
    for (const op of bodyOps()) {
      const properties = Object.entries(op.bodySchema?.properties ?? {});
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...properties).chain(([name, schema]) => wrongTypeFor(schema).map((value) => ({ name, value }))),
          async ({ name, value }) => {
            fc.pre(typeof value !== 'symbol');
            const payload = { [name]: value };
            const response = await inject({ method: op.method as 'POST', url: urlOf(op), headers: admin.headers, payload });
            if (hasPoisoningKey(JSON.parse(JSON.stringify(payload)))) {
              expectCleanProblem(response, 400);
              return;
            }
            expectCleanProblem(response, 422);
            const problem = response.json() as { errors?: { path: string }[] };
            expect(problem.errors?.length ?? 0).toBeGreaterThan(0);
          },
        ),
        { numRuns: RUNS },
      );
      expect(await snapshot(), `${op.method} ${op.path}`).toEqual(before);
    }
  }, FUZZ_TIMEOUT_MS);

  it('rejects malformed text with 422 naming the field on every route with a body', async () => {
    for (const op of bodyOps()) {
      const textFields = Object.entries(op.bodySchema?.properties ?? {}).filter(([, schema]) => typesOf(schema).has('string'));
      if (textFields.length === 0) continue;
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...textFields.map(([name]) => name)), malformedText, async (name, value) => {
          const response = await inject({ method: op.method as 'POST', url: urlOf(op), headers: admin.headers, payload: { [name]: value } });
          expectCleanProblem(response, 422);
          expect((response.json() as { errors?: { path: string }[] }).errors?.map((e) => e.path)).toContain(`body.${name}`);
        }),
        { numRuns: RUNS },
      );
      expect(await snapshot(), `${op.method} ${op.path}`).toEqual(before);
    }
  }, FUZZ_TIMEOUT_MS);

  it('rejects malformed text in every query parameter with 422 naming it', async () => {
    for (const op of operations.filter((o) => o.method === 'GET' && o.queryNames.length > 0)) {
      for (const name of op.queryNames) {
        for (const bad of ['%00', 'a%00b']) {
          const response = await inject({ method: 'GET', url: `${urlOf(op)}?${name}=${bad}`, headers: { cookie: admin.cookie } });
          expectCleanProblem(response, 422);
          expect((response.json() as { errors?: { path: string }[] }).errors?.map((e) => e.path)).toContain(`querystring.${name}`);
        }
      }
    }
  });

  it('rejects impossible dates with 422 naming the field, in bodies and queries', async () => {
    const before = await snapshot();
    let checked = 0;
    for (const op of operations) {
      const bodyDates = Object.entries(op.bodySchema?.properties ?? {}).flatMap(([name, schema]) => {
        const kind = dateKindOf(schema);
        return kind ? [{ name, kind }] : [];
      });
      for (const { name, kind } of bodyDates) {
        for (const value of impossibleDates[kind]) {
          const response = await inject({ method: op.method as 'POST', url: urlOf(op), headers: admin.headers, payload: { [name]: value } });
          expectCleanProblem(response, 422);
          expect((response.json() as { errors?: { path: string }[] }).errors?.map((e) => e.path), `${op.method} ${op.path} ${name}=${value}`).toContain(`body.${name}`);
          checked += 1;
        }
      }
      if (op.method !== 'GET') continue;
      for (const [name, schema] of Object.entries(op.querySchemas)) {
        const kind = dateKindOf(schema);
        if (!kind) continue;
        for (const value of impossibleDates[kind]) {
          const response = await inject({ method: 'GET', url: `${urlOf(op)}?${name}=${encodeURIComponent(value)}`, headers: { cookie: admin.cookie } });
          expectCleanProblem(response, 422);
          expect((response.json() as { errors?: { path: string }[] }).errors?.map((e) => e.path), `${op.path} ${name}=${value}`).toContain(`querystring.${name}`);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects bodies that are not objects with 422', async () => {
    for (const op of bodyOps()) {
      for (const payload of ['[]', '"text"', '42', 'true', 'null']) {
        const response = await inject({
          method: op.method as 'POST',
          url: urlOf(op),
          headers: { ...admin.headers, 'content-type': 'application/json' },
          payload,
        });
        expect([400, 422], `${op.method} ${op.path} ${payload}`).toContain(response.statusCode);
      }
    }
  });

  it('rejects unknown query parameters with 422 on every GET route that takes a query', async () => {
    const withQuery = operations.filter((op) => op.method === 'GET' && op.queryNames.length > 0);
    expect(withQuery.length).toBeGreaterThan(0);
    for (const op of withQuery) {
      const response = await inject({ method: 'GET', url: `${urlOf(op)}?utm_source=x`, headers: { cookie: admin.cookie } });
      expectCleanProblem(response, 422);
    }
  });

  it('rejects malformed path parameters with 422', async () => {
    for (const op of operations.filter((o) => o.pathParams.length > 0)) {
      const response = await inject({
        method: op.method as 'GET',
        url: urlOf(op, () => "1' OR '1'='1"),
        headers: admin.headers,
        payload: op.bodySchema ? {} : undefined,
      });
      expectCleanProblem(response, 422);
    }
  });

  it('answers a wrong content type with 415, broken JSON with 400 and an oversized body with 413', async () => {
    const before = await snapshot();
    for (const op of bodyOps()) {
      for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
        const response = await inject({ method: op.method as 'POST', url: urlOf(op), headers: { ...admin.headers, 'content-type': type }, payload: 'a=b' });
        expectCleanProblem(response, 415);
      }
      const broken = await inject({ method: op.method as 'POST', url: urlOf(op), headers: { ...admin.headers, 'content-type': 'application/json' }, payload: '{"name": ' });
      expectCleanProblem(broken, 400);
      const huge = await inject({
        method: op.method as 'POST',
        url: urlOf(op),
        headers: { ...admin.headers, 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'x'.repeat(t.config.bodyLimitBytes + 10) }),
      });
      expectCleanProblem(huge, 413);
    }
    expect(await snapshot()).toEqual(before);
  });
});
