import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { AgendaInput, AnalysisItemInput, IdParams, PlanDetail, PlanInput, PlanItemParams, PlanList, PlanListQuery, PlanUpdateInput, PriorityEndInput, PriorityInput } from '../contract.js';
import { addAnalysisItem, choosePriority, createPlan, endPriority, getPlan, listPlans, removeAnalysisItem, setAgenda, updatePlan } from './plans.service.js';

/** Neighbourhood development plans. Thin: validate → authorize → service. */
export async function plansRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const now = () => app.ctx.clock();
  const tags = ['neighbourhood plans'];

  typed.get(
    '/api/v1/plans',
    { config: { access: 'programmes.read' }, schema: { tags, summary: 'Neighbourhood development plans, optionally of one area', querystring: PlanListQuery, response: { 200: PlanList } } },
    async (request) => ({ items: await listPlans(db(), requireActor(request), request.query) }),
  );
  typed.post(
    '/api/v1/plans',
    { config: { access: 'plans.manage' }, schema: { tags, summary: 'Start a neighbourhood development plan for an area', body: PlanInput, response: { 201: PlanDetail } } },
    async (request, reply) => reply.code(201).send(await createPlan(db(), requireActor(request), request.body)),
  );
  typed.get(
    '/api/v1/plans/:id',
    { config: { access: 'programmes.read' }, schema: { tags, summary: 'A plan with its analysis, priorities and execution agenda', params: IdParams, response: { 200: PlanDetail } } },
    async (request) => getPlan(db(), requireActor(request), request.params.id, now()),
  );
  typed.put(
    '/api/v1/plans/:id',
    { config: { access: 'plans.manage' }, schema: { tags, summary: 'Edit title, summary and focus limit', params: IdParams, body: PlanUpdateInput, response: { 200: PlanDetail } } },
    async (request) => updatePlan(db(), requireActor(request), request.params.id, request.body),
  );
  typed.post(
    '/api/v1/plans/:id/analysis',
    { config: { access: 'plans.manage' }, schema: { tags, summary: 'Add a strength or bottleneck with indicator evidence', params: IdParams, body: AnalysisItemInput, response: { 201: PlanDetail } } },
    async (request, reply) => reply.code(201).send(await addAnalysisItem(db(), requireActor(request), request.params.id, request.body)),
  );
  typed.delete(
    '/api/v1/plans/:id/analysis/:itemId',
    { config: { access: 'plans.manage' }, schema: { tags, summary: 'Remove an analysis item', params: PlanItemParams, response: { 200: PlanDetail } } },
    async (request) => removeAnalysisItem(db(), requireActor(request), request.params.id, request.params.itemId),
  );
  typed.post(
    '/api/v1/plans/:id/priorities',
    { config: { access: 'plans.manage' }, schema: { tags, summary: 'Choose a priority (409 when the focus limit is reached)', params: IdParams, body: PriorityInput, response: { 201: PlanDetail } } },
    async (request, reply) => reply.code(201).send(await choosePriority(db(), requireActor(request), request.params.id, request.body)),
  );
  typed.put(
    '/api/v1/plans/:id/priorities/:itemId',
    { config: { access: 'plans.manage' }, schema: { tags, summary: 'End a priority', params: PlanItemParams, body: PriorityEndInput, response: { 200: PlanDetail } } },
    async (request) => endPriority(db(), requireActor(request), request.params.id, request.params.itemId, request.body.endedOn),
  );
  typed.put(
    '/api/v1/plans/:id/agenda',
    { config: { access: 'plans.manage' }, schema: { tags, summary: 'Set the execution agenda (activities, in order)', params: IdParams, body: AgendaInput, response: { 200: PlanDetail } } },
    async (request) => setAgenda(db(), requireActor(request), request.params.id, request.body.activityIds),
  );
}
