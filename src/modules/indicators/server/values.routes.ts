import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { AreaParams } from '../../areas/contract.js';
import { ExportQuery, FigureYears, FigureYearsQuery, IndicatorParams, IndicatorValues, Profile, ProfileQuery, Series, SeriesQuery, ValuesQuery } from '../contract.js';
import { exportAreaProfile } from './export.service.js';
import { getAreaProfile, getAreaSeries } from './profile.service.js';
import { getFigureYears, getIndicatorValues } from './values.service.js';

/** Choropleth values, area profiles, time series and profile exports. Thin: validate → authorize → service. */
export async function valuesRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;

  typed.get(
    '/api/v1/indicators/:code/values',
    {
      config: { access: 'indicators.read', aggregateFigures: true },
      schema: { tags: ['indicators'], summary: 'One indicator over the areas of a level (choropleth); without municipality: the whole country', params: IndicatorParams, querystring: ValuesQuery, response: { 200: IndicatorValues } },
    },
    async (request, reply) => {
      const query = { indicator: request.params.code, ...request.query };
      // The same for every caller (aggregate public statistics), so shared; imports and catalogue changes clear
      // it. Kept as the JSON text, checked against the response schema once when made, not at every request.
      const key = `indicator-values:${query.indicator}:${query.level}:${query.period}:${query.municipality ?? ''}`;
      const json = await app.readCache.getOrLoad(key, async () => JSON.stringify(IndicatorValues.parse(await getIndicatorValues(db(), query))));
      // A string body goes out as it is (Fastify serializes objects only); the type provider expects the object.
      return reply.type('application/json; charset=utf-8').send(json as unknown as IndicatorValues);
    },
  );
  typed.get(
    '/api/v1/figure-years',
    {
      config: { access: 'indicators.read', aggregateFigures: true },
      schema: {
        tags: ['indicators'],
        summary: 'The years with figures at a level, in a municipality or the whole country (some may sit on older boundaries), and per indicator its years (the indicator picker)',
        querystring: FigureYearsQuery,
        response: { 200: FigureYears },
      },
    },
    async (request, reply) => {
      const { level, municipality } = request.query;
      // Public statistics, the same for every caller: shared like the choropleth values; every change clears it.
      const key = `figure-years:${level}:${municipality ?? ''}`;
      const json = await app.readCache.getOrLoad(key, async () => JSON.stringify(FigureYears.parse(await getFigureYears(db(), { level, municipality }))));
      return reply.type('application/json; charset=utf-8').send(json as unknown as FigureYears);
    },
  );
  typed.get(
    '/api/v1/areas/:code/profile',
    {
      config: { access: 'indicators.read', aggregateFigures: true },
      schema: { tags: ['indicators'], summary: 'Every indicator of an area in a year, against the municipality (index 100) and the country', params: AreaParams, querystring: ProfileQuery, response: { 200: Profile } },
    },
    async (request) => (await getAreaProfile(db(), requireActor(request), request.params.code, request.query.period)).profile,
  );
  typed.get(
    '/api/v1/areas/:code/series',
    {
      config: { access: 'indicators.read', aggregateFigures: true },
      schema: { tags: ['indicators'], summary: 'One indicator of an area over the years, with municipality and national references', params: AreaParams, querystring: SeriesQuery, response: { 200: Series } },
    },
    async (request) => getAreaSeries(db(), requireActor(request), request.params.code, request.query.indicator),
  );
  typed.get(
    '/api/v1/areas/:code/profile/export',
    {
      config: { access: 'indicators.export' },
      schema: { tags: ['indicators'], summary: 'The area profile as CSV (; and decimal comma, UTF-8 with BOM) or XLSX; audited', params: AreaParams, querystring: ExportQuery },
    },
    async (request, reply) => {
      const file = await exportAreaProfile(db(), requireActor(request), request.params.code, request.query.period, request.query.format);
      return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );
}
