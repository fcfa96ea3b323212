import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/server/index.js';
import { MunicipalityCode, RankingRequest, RankingResult, SavedRanking, SavedRankingList, SaveRanking } from '../contract.js';
import { getRanking, listRankings, previewRanking, saveRanking } from './rankings.service.js';

const RankingListQuery = z.strictObject({ municipality: MunicipalityCode.optional() });
const RankingParams = z.strictObject({ id: z.uuid() });

/** Priority ranking (afwegingskader): preview, save as a documented choice, reopen. */
export async function rankingRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;

  typed.post(
    '/api/v1/rankings/preview',
    { config: { access: 'indicators.read' }, schema: { tags: ['rankings'], summary: 'Rank areas by weighted z-scores (nothing is saved)', body: RankingRequest, response: { 200: RankingResult } } },
    async (request) => previewRanking(db(), request.body),
  );
  typed.post(
    '/api/v1/rankings',
    { config: { access: 'rankings.manage' }, schema: { tags: ['rankings'], summary: 'Save a ranking with its criteria, note and result', body: SaveRanking, response: { 201: SavedRanking } } },
    async (request, reply) => reply.code(201).send(await saveRanking(db(), requireActor(request), request.body)),
  );
  typed.get(
    '/api/v1/rankings',
    { config: { access: 'indicators.read' }, schema: { tags: ['rankings'], summary: 'Saved rankings, newest first', querystring: RankingListQuery, response: { 200: SavedRankingList } } },
    async (request) => ({ items: await listRankings(db(), request.query.municipality) }),
  );
  typed.get(
    '/api/v1/rankings/:id',
    { config: { access: 'indicators.read' }, schema: { tags: ['rankings'], summary: 'One saved ranking with its result snapshot', params: RankingParams, response: { 200: SavedRanking } } },
    async (request) => getRanking(db(), request.params.id),
  );
}
