import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { AreaDetail, AreaParams, CreateFocusArea } from '../contract.js';
import { createFocusArea, removeFocusArea } from './focus-areas.service.js';

/** Defining and removing focus areas; reading them goes through the areas routes. */
export async function focusAreasRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;

  typed.post(
    '/api/v1/focus-areas',
    {
      config: { access: 'focus_areas.manage' },
      schema: {
        tags: ['areas'],
        summary: 'Define a focus area from buurten/wijken, or from a polygon (members = buurten whose interior point lies inside)',
        body: CreateFocusArea,
        response: { 201: AreaDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await createFocusArea(db(), requireActor(request), request.body)),
  );
  typed.delete(
    '/api/v1/focus-areas/:code',
    { config: { access: 'focus_areas.manage' }, schema: { tags: ['areas'], summary: 'Remove a focus area', params: AreaParams } },
    async (request, reply) => {
      await removeFocusArea(db(), requireActor(request), request.params.code);
      return reply.code(204).send();
    },
  );
}
