import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listPublicLessons } from '../../circle/index.js';
import { PublicAreaList, PublicAreaPage, PublicAreaParams, PublicFigures, PublicLessonList } from '../contract.js';
import { buildAreaFigures, buildAreaPage, listPublicAreas } from './area-page.service.js';
import { figuresCsv } from './figures-csv.js';
import { FirstSeen, makeAnswer, publicCacheHeaders, sendPublicAnswer, type PublicAnswer } from './public-answer.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8';

/**
 * The public area pages' API: no session needed and none made, the same answer for everyone. Each answer is
 * computed once and kept in the app's shared read cache (read-cache.ts), which every change in any process
 * empties (shared-caches.ts), so a published programme, a new figure or a booked payment shows at the next
 * request. Rate limited per IP apart from the logged-in API (PUBLIC_RATE_LIMIT_PER_MINUTE).
 */
export async function publicPagesRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const now = () => app.ctx.clock();
  const tags = ['public'];
  const seen = new FirstSeen();
  const config = {
    access: 'public' as const,
    // Counted per IP under its own key, so a resident's page views never eat a logged-in user's allowance.
    rateLimit: { max: app.ctx.config.publicRateLimitPerMinute, timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => `public:${request.ip}` },
  };
  const hooks = { onSend: publicCacheHeaders };

  const cached = (key: string, contentType: string, load: () => Promise<string>): Promise<PublicAnswer> =>
    app.readCache.getOrLoadServingStale(`publicpages:${key}`, async () => makeAnswer(key, await load(), contentType, seen, now()));

  typed.get(
    '/api/v1/public/areas',
    { config, ...hooks, schema: { tags, summary: 'Areas with a published programme (no login; ETag, Last-Modified, Cache-Control public)', response: { 200: PublicAreaList } } },
    async (request, reply) => {
      const answer = await cached('areas', JSON_TYPE, async () => JSON.stringify(PublicAreaList.parse(await listPublicAreas(db()))));
      // A string body goes out as it is (Fastify serializes objects only); the type provider expects the object.
      return sendPublicAnswer(request, reply, answer) as unknown as PublicAreaList;
    },
  );
  typed.get(
    '/api/v1/public/areas/:code',
    {
      config,
      ...hooks,
      schema: { tags, summary: 'The public page of an area: goals with status, key figures, activities, money per pillar, public decisions (404 unless a published programme covers it)', params: PublicAreaParams, response: { 200: PublicAreaPage } },
    },
    async (request, reply) => {
      const { code } = request.params;
      const answer = await cached(`area:${code}`, JSON_TYPE, async () => JSON.stringify(PublicAreaPage.parse(await buildAreaPage(db(), code, now()))));
      return sendPublicAnswer(request, reply, answer) as unknown as PublicAreaPage;
    },
  );
  typed.get(
    '/api/v1/public/areas/:code/figures.json',
    { config, ...hooks, schema: { tags, summary: 'Open data: the key figures of a public area per year as JSON, with the licence (CC BY 4.0, Bron: CBS)', params: PublicAreaParams, response: { 200: PublicFigures } } },
    async (request, reply) => {
      const { code } = request.params;
      const answer = await cached(`figures.json:${code}`, JSON_TYPE, async () => JSON.stringify(PublicFigures.parse(await buildAreaFigures(db(), code, now()))));
      reply.header('content-disposition', `attachment; filename="kerncijfers-${safeName(code)}.json"`);
      return sendPublicAnswer(request, reply, answer) as unknown as PublicFigures;
    },
  );
  typed.get(
    '/api/v1/public/areas/:code/figures.csv',
    { config, ...hooks, schema: { tags, summary: 'Open data: the same key figures as CSV for Excel (UTF-8 with BOM, semicolons, decimal comma; licence on every row)', params: PublicAreaParams } },
    async (request, reply) => {
      const { code } = request.params;
      const answer = await cached(`figures.csv:${code}`, CSV_TYPE, async () => figuresCsv(PublicFigures.parse(await buildAreaFigures(db(), code, now()))));
      reply.header('content-disposition', `attachment; filename="kerncijfers-${safeName(code)}.csv"`);
      return sendPublicAnswer(request, reply, answer);
    },
  );
  typed.get(
    '/api/v1/public/lessons',
    { config, ...hooks, schema: { tags, summary: 'Lessons the municipality shares publicly from its learning circle (share level "public"), newest first', response: { 200: PublicLessonList } } },
    async (request, reply) => {
      const answer = await cached('lessons', JSON_TYPE, async () => JSON.stringify(PublicLessonList.parse({ items: await listPublicLessons(db()) })));
      return sendPublicAnswer(request, reply, answer) as unknown as PublicLessonList;
    },
  );
}

/** The area code in a file name: letters, digits and dashes only (it reached here as a known area code anyway). */
function safeName(code: string): string {
  return code.replace(/[^A-Za-z0-9-]/g, '_');
}
