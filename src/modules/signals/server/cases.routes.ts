import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/server/index.js';
import { AddCaseSignals, Case, CaseList, CaseListQuery, CaseStatus, ChangeCaseStatus, CreateCase, CreateCaseMeeting, CreatedId, IdParams, InterventionParams, UpdateIntervention } from '../contract.js';
import { addCaseMeeting, addCaseSignals, changeCaseStatus, createCase, getCase, listCases, setInterventionStatus } from './cases.service.js';
import { signalsContext } from './signals-context.js';

/** Cases (casus) with case meetings and interventions; the same need-to-know as signals. */
export async function casesRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const ctx = () => signalsContext(app.ctx.config, app.ctx.clock());

  typed.get(
    '/api/v1/signal-cases',
    { config: { access: 'signals.read' }, schema: { tags: ['signal cases'], summary: 'Cases you may see; audited', querystring: CaseListQuery, response: { 200: CaseList } } },
    async (request) => listCases(request.db, requireActor(request), request.query.municipality, ctx()),
  );
  typed.post(
    '/api/v1/signal-cases',
    { config: { access: 'signal_cases.manage' }, schema: { tags: ['signal cases'], summary: 'Bundle signals into a case around an address, location, person or group', body: CreateCase, response: { 201: CreatedId } } },
    async (request, reply) => reply.code(201).send(await createCase(request.db, requireActor(request), request.body, ctx())),
  );
  typed.get(
    '/api/v1/signal-cases/:id',
    { config: { access: 'signals.read' }, schema: { tags: ['signal cases'], summary: 'One case with its visible signals, meetings and interventions; 404 when not visible; audited', params: IdParams, response: { 200: Case } } },
    async (request) => getCase(request.db, requireActor(request), request.params.id, ctx()),
  );
  typed.post(
    '/api/v1/signal-cases/:id/signals',
    { config: { access: 'signal_cases.manage' }, schema: { tags: ['signal cases'], summary: 'Add signals to a case', params: IdParams, body: AddCaseSignals } },
    async (request, reply) => {
      await addCaseSignals(request.db, requireActor(request), request.params.id, request.body.signalIds, ctx());
      return reply.code(204).send();
    },
  );
  typed.post(
    '/api/v1/signal-cases/:id/meetings',
    { config: { access: 'signal_cases.manage' }, schema: { tags: ['signal cases'], summary: 'Record a case meeting with decisions and interventions (owner, due date)', params: IdParams, body: CreateCaseMeeting, response: { 201: CreatedId } } },
    async (request, reply) => reply.code(201).send(await addCaseMeeting(request.db, requireActor(request), request.params.id, request.body, ctx())),
  );
  typed.post(
    '/api/v1/signal-cases/:id/status',
    {
      config: { access: 'signal_cases.manage' },
      schema: {
        tags: ['signal cases'],
        summary: 'Take a case up (in_progress), close it with a reason, or reopen it with a reason; 422 for a transition that is not allowed; 404 when not visible; audited',
        params: IdParams,
        body: ChangeCaseStatus,
        response: { 200: z.object({ status: CaseStatus }) },
      },
    },
    async (request) => changeCaseStatus(request.db, requireActor(request), request.params.id, request.body, ctx()),
  );
  typed.patch(
    '/api/v1/signal-cases/:id/interventions/:interventionId',
    { config: { access: 'signal_cases.manage' }, schema: { tags: ['signal cases'], summary: 'Mark an intervention done, cancelled or open again', params: InterventionParams, body: UpdateIntervention } },
    async (request, reply) => {
      await setInterventionStatus(request.db, requireActor(request), request.params.id, request.params.interventionId, request.body.status, ctx());
      return reply.code(204).send();
    },
  );
}
