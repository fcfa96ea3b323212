import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/server/index.js';
import { MunicipalityCode } from '../../areas/contract.js';
import { HotspotRequest, HotspotResult, SavedHotspotAnalysis, SavedHotspotList, SaveHotspotAnalysis } from '../contract.js';
import { getSavedHotspotAnalysis, listSavedHotspotAnalyses, runHotspotAnalysis, saveHotspotAnalysis } from './hotspots.service.js';

const SavedListQuery = z.strictObject({ municipality: MunicipalityCode.optional() });
const SavedParams = z.strictObject({ id: z.uuid() });

/** Hot-spot analysis (API.md "Hot spots"): run one, save one as evidence, reopen saved ones. */
export async function hotspotRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;

  typed.post(
    '/api/v1/analyses/hotspots',
    { config: { access: 'hotspots.run' }, schema: { tags: ['hotspots'], summary: "Getis-Ord Gi* or local Moran's I with Benjamini–Hochberg FDR bins (nothing is saved)", body: HotspotRequest, response: { 200: HotspotResult } } },
    async (request) => runHotspotAnalysis(db(), requireActor(request), request.body),
  );
  typed.post(
    '/api/v1/analyses/hotspots/saved',
    { config: { access: 'hotspots.run' }, schema: { tags: ['hotspots'], summary: 'Run and save an analysis with its result, to cite as evidence', body: SaveHotspotAnalysis, response: { 201: SavedHotspotAnalysis } } },
    async (request, reply) => reply.code(201).send(await saveHotspotAnalysis(db(), requireActor(request), request.body, app.ctx.clock())),
  );
  typed.get(
    '/api/v1/analyses/hotspots/saved',
    { config: { access: 'hotspots.run' }, schema: { tags: ['hotspots'], summary: 'Saved analyses the caller may see, newest first', querystring: SavedListQuery, response: { 200: SavedHotspotList } } },
    async (request) => ({ items: await listSavedHotspotAnalyses(db(), requireActor(request), request.query.municipality, app.ctx.clock()) }),
  );
  typed.get(
    '/api/v1/analyses/hotspots/saved/:id',
    { config: { access: 'hotspots.run' }, schema: { tags: ['hotspots'], summary: 'One saved analysis with its result', params: SavedParams, response: { 200: SavedHotspotAnalysis } } },
    async (request) => getSavedHotspotAnalysis(db(), requireActor(request), request.params.id, app.ctx.clock()),
  );
}
