import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { CreateEscalation, DirectionDashboard, Escalation, EscalationList, EscalationListQuery, HandleEscalation, IdParams } from '../contract.js';
import { getDirectionDashboard } from './direction.service.js';
import { escalate, handleEscalation, listEscalations } from './escalations.service.js';

/** The direction dashboard and the administrators' agenda (escalations). */
export async function directionRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const now = () => app.ctx.clock();
  const tags = ['direction'];

  typed.get(
    '/api/v1/direction',
    {
      config: { access: 'direction.read' },
      schema: { tags, summary: 'What slips and what waits: overdue actions, slipping activities, off-track goals, money (with finance.read), waiting decisions, open escalations', response: { 200: DirectionDashboard } },
    },
    async (request) => getDirectionDashboard(db(), requireActor(request), now()),
  );
  typed.get(
    '/api/v1/escalations',
    { config: { access: 'direction.read' }, schema: { tags, summary: 'The administrators\u2019 agenda (bestuurlijke agenda)', querystring: EscalationListQuery, response: { 200: EscalationList } } },
    async (request) => listEscalations(db(), requireActor(request), request.query.status),
  );
  typed.post(
    '/api/v1/escalations',
    { config: { access: 'escalations.manage' }, schema: { tags, summary: 'Put an action, decision, agenda item, goal or activity on the administrators\u2019 agenda, with the reason', body: CreateEscalation, response: { 201: Escalation } } },
    async (request, reply) => reply.code(201).send(await escalate(db(), requireActor(request), request.body, now())),
  );
  typed.patch(
    '/api/v1/escalations/:id',
    { config: { access: 'escalations.manage' }, schema: { tags, summary: 'Record how the administrators settled an escalation', params: IdParams, body: HandleEscalation, response: { 200: Escalation } } },
    async (request) => handleEscalation(db(), requireActor(request), request.params.id, request.body, now()),
  );
}
