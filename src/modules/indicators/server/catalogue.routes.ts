import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { CreateIndicator, Indicator, IndicatorList } from '../contract.js';
import { createIndicator, listIndicators } from './catalogue.service.js';

/** The indicator catalogue. Thin: validate → authorize → service. */
export async function catalogueRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/indicators',
    { config: { access: 'indicators.read', aggregateFigures: true }, schema: { tags: ['indicators'], summary: 'The indicator catalogue', response: { 200: IndicatorList } } },
    async (request) => ({ items: await listIndicators(request.db) }),
  );
  typed.post(
    '/api/v1/indicators',
    {
      config: { access: 'indicators.manage' },
      schema: { tags: ['indicators'], summary: 'Add an indicator to the catalogue', body: CreateIndicator, response: { 201: Indicator } },
    },
    async (request, reply) => reply.code(201).send(await createIndicator(request.db, requireActor(request), request.body)),
  );
}
