import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { AreaDetail, AreaFeatureCollection, AreaFeaturesQuery, AreaList, AreaListQuery, AreaParams, AreaQuery } from '../contract.js';
import { getAreaDetail, getAreaFeatures, listAreas } from './areas.service.js';

/** The area hierarchy for browsing and the map. Thin: validate → authorize → service. */
export async function areasRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;

  typed.get(
    '/api/v1/areas',
    {
      config: { access: 'areas.read', aggregateFigures: true },
      schema: { tags: ['areas'], summary: 'Areas of a municipality, level and year (default: the newest year with boundaries)', querystring: AreaListQuery, response: { 200: AreaList } },
    },
    async (request) => listAreas(db(), requireActor(request), request.query),
  );
  typed.get(
    '/api/v1/areas/:code',
    {
      config: { access: 'areas.read', aggregateFigures: true },
      schema: { tags: ['areas'], summary: 'One area with its ancestors, members (focus areas) and, when asked, its WGS84 boundary', params: AreaParams, querystring: AreaQuery, response: { 200: AreaDetail } },
    },
    async (request) =>
      getAreaDetail(db(), requireActor(request), request.params.code, { year: request.query.year, geometry: request.query.geometry === 'true' }),
  );
  typed.get(
    '/api/v1/area-features',
    {
      config: { access: 'areas.read', aggregateFigures: true },
      schema: { tags: ['areas'], summary: 'Boundaries of one level for the map (GeoJSON FeatureCollection, WGS84)', querystring: AreaFeaturesQuery, response: { 200: AreaFeatureCollection } },
    },
    async (request) => getAreaFeatures(db(), request.query),
  );
}
