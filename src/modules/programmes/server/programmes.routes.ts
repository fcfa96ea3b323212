import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { GoalDetail, GoalInput, GoalParams, IdParams, ProgrammeDetail, ProgrammeInput, ProgrammeList, ProgrammeOptions, PublicationInput } from '../contract.js';
import { createGoal, getGoal, removeGoal, updateGoal } from './goals.service.js';
import { createProgramme, getProgramme, getProgrammeOptions, listProgrammes, setProgrammePublication, updateProgramme } from './programmes.service.js';

/** Programmes and their operational goals. Thin: validate → authorize → service. */
export async function programmesRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const tags = ['programmes'];

  typed.get(
    '/api/v1/programmes',
    { config: { access: 'programmes.read' }, schema: { tags, summary: 'Programmes in the caller’s area scope', response: { 200: ProgrammeList } } },
    async (request) => ({ items: await listProgrammes(db(), requireActor(request)) }),
  );
  typed.post(
    '/api/v1/programmes',
    { config: { access: 'programmes.manage' }, schema: { tags, summary: 'Create a programme with pillars, strategic goals and execution programmes', body: ProgrammeInput, response: { 201: ProgrammeDetail } } },
    async (request, reply) => reply.code(201).send(await createProgramme(db(), requireActor(request), request.body)),
  );
  typed.get(
    '/api/v1/programmes/:id',
    { config: { access: 'programmes.read' }, schema: { tags, summary: 'A programme with pillars, strategic goals and operational goals with their status', params: IdParams, response: { 200: ProgrammeDetail } } },
    async (request) => getProgramme(db(), requireActor(request), request.params.id),
  );
  typed.put(
    '/api/v1/programmes/:id',
    { config: { access: 'programmes.manage' }, schema: { tags, summary: 'Edit a programme (pillars and goals are matched by name, so kept names keep their links)', params: IdParams, body: ProgrammeInput, response: { 200: ProgrammeDetail } } },
    async (request) => updateProgramme(db(), requireActor(request), request.params.id, request.body),
  );
  typed.put(
    '/api/v1/programmes/:id/publication',
    // Whoever edits the programme decides what residents see of it (docs/publicpages.md).
    {
      config: { access: 'programmes.manage' },
      schema: { tags, summary: 'Show the programme to residents on the public area pages, or withdraw it; audited', params: IdParams, body: PublicationInput, response: { 200: ProgrammeDetail } },
    },
    async (request) => setProgrammePublication(db(), requireActor(request), request.params.id, request.body.published, app.ctx.clock()),
  );
  typed.get(
    '/api/v1/programme-options',
    // Only for the planning forms: the user list names people, so partners and readers do not get it.
    { config: { access: 'programmes.manage' }, schema: { tags, summary: 'Organisations and users to choose owners and partners from (planning forms)', response: { 200: ProgrammeOptions } } },
    async () => getProgrammeOptions(db()),
  );
  typed.post(
    '/api/v1/programmes/:id/goals',
    { config: { access: 'programmes.manage' }, schema: { tags, summary: 'Add a SMART operational goal', params: IdParams, body: GoalInput, response: { 201: GoalDetail } } },
    async (request, reply) => reply.code(201).send(await createGoal(db(), requireActor(request), request.params.id, request.body)),
  );
  typed.get(
    '/api/v1/programmes/:id/goals/:goalId',
    { config: { access: 'programmes.read' }, schema: { tags, summary: 'One operational goal with its status and every measurement (actual against trajectory)', params: GoalParams, response: { 200: GoalDetail } } },
    async (request) => getGoal(db(), requireActor(request), request.params.id, request.params.goalId),
  );
  typed.put(
    '/api/v1/programmes/:id/goals/:goalId',
    { config: { access: 'programmes.manage' }, schema: { tags, summary: 'Edit an operational goal', params: GoalParams, body: GoalInput, response: { 200: GoalDetail } } },
    async (request) => updateGoal(db(), requireActor(request), request.params.id, request.params.goalId, request.body),
  );
  typed.delete(
    '/api/v1/programmes/:id/goals/:goalId',
    { config: { access: 'programmes.manage' }, schema: { tags, summary: 'Remove an operational goal', params: GoalParams } },
    async (request, reply) => {
      await removeGoal(db(), requireActor(request), request.params.id, request.params.goalId);
      return reply.code(204).send();
    },
  );
}
