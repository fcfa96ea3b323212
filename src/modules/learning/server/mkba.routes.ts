import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { AlternativeBody, CreateMkba, IdParams, LineBody, LinkableGoals, LinkedBenefitBody, ListQuery, MeasureBody, MkbaDetail, MkbaList, MkbaResult, UpdateAlternative, UpdateLine, UpdateLinkedBenefit, UpdateMeasure, UpdateMkba } from '../contract.js';
import { addLinkedBenefit, changeLinkedBenefit, linkableGoals, removeLinkedBenefit } from './linked-benefits.service.js';
import { mkbaReportFile } from './mkba-report.service.js';
import { mkbaResult } from './mkba-result.service.js';
import * as mkba from './mkba.service.js';

/** The MKBA calculator's API. Thin: validate → authorize (config.access) → service. Every write answers the MKBA as it is afterwards. */
export async function mkbaRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const clock = () => app.ctx.clock();
  const tags = ['learning'];
  const read = { config: { access: 'mkba.read' as const } };
  const manage = { config: { access: 'mkba.manage' as const } };

  typed.get('/api/v1/mkbas', { ...read, schema: { tags, summary: 'MKBAs, optionally of one area or with a benefit tied to one goal', querystring: ListQuery, response: { 200: MkbaList } } }, async (request) => ({
    items: await mkba.listMkbas(db(), requireActor(request), request.query.area, request.query.goal),
  }));
  typed.post('/api/v1/mkbas', { ...manage, schema: { tags, summary: 'Start an MKBA of an area and intervention package (a rate other than 2.25 % needs a justification)', body: CreateMkba, response: { 201: MkbaDetail } } }, async (request, reply) =>
    reply.code(201).send(await mkba.createMkba(db(), requireActor(request), request.body)),
  );
  typed.get('/api/v1/mkbas/:id', { ...read, schema: { tags, summary: 'An MKBA with its alternatives, measures and lines', params: IdParams, response: { 200: MkbaDetail } } }, async (request) =>
    mkba.readMkba(db(), requireActor(request), request.params.id),
  );
  typed.patch('/api/v1/mkbas/:id', { ...manage, schema: { tags, summary: 'Change name, nulalternatief, base year, horizon or discount rate', params: IdParams, body: UpdateMkba, response: { 200: MkbaDetail } } }, async (request) =>
    mkba.updateMkbaSettings(db(), requireActor(request), request.params.id, request.body),
  );
  typed.delete('/api/v1/mkbas/:id', { ...manage, schema: { tags, summary: 'Delete an MKBA with everything in it', params: IdParams } }, async (request, reply) => {
    await mkba.removeMkba(db(), requireActor(request), request.params.id);
    return reply.code(204).send();
  });
  typed.get('/api/v1/mkbas/:id/result', { ...read, schema: { tags, summary: 'The calculation: PV, NCW, B/C ratio, IRR, actor matrix and sensitivity per alternative', params: IdParams, response: { 200: MkbaResult } } }, async (request) =>
    mkbaResult(db(), requireActor(request), request.params.id),
  );
  typed.post('/api/v1/mkbas/:id/alternatives', { ...manage, schema: { tags, summary: 'Add a project alternative', params: IdParams, body: AlternativeBody, response: { 201: MkbaDetail } } }, async (request, reply) =>
    reply.code(201).send(await mkba.addAlternative(db(), requireActor(request), request.params.id, request.body)),
  );
  typed.patch('/api/v1/mkba-alternatives/:id', { ...manage, schema: { tags, summary: 'Rename or describe an alternative', params: IdParams, body: UpdateAlternative, response: { 200: MkbaDetail } } }, async (request) =>
    mkba.changeAlternative(db(), requireActor(request), request.params.id, request.body),
  );
  typed.delete('/api/v1/mkba-alternatives/:id', { ...manage, schema: { tags, summary: 'Delete an alternative with its measures and lines', params: IdParams, response: { 200: MkbaDetail } } }, async (request) =>
    mkba.removeAlternative(db(), requireActor(request), request.params.id),
  );
  typed.post('/api/v1/mkba-alternatives/:id/measures', { ...manage, schema: { tags, summary: 'Add a measure to an alternative', params: IdParams, body: MeasureBody, response: { 201: MkbaDetail } } }, async (request, reply) =>
    reply.code(201).send(await mkba.addMeasure(db(), requireActor(request), request.params.id, request.body)),
  );
  typed.patch('/api/v1/mkba-measures/:id', { ...manage, schema: { tags, summary: 'Rename or describe a measure', params: IdParams, body: UpdateMeasure, response: { 200: MkbaDetail } } }, async (request) =>
    mkba.changeMeasure(db(), requireActor(request), request.params.id, request.body),
  );
  typed.delete('/api/v1/mkba-measures/:id', { ...manage, schema: { tags, summary: 'Delete a measure with its lines', params: IdParams, response: { 200: MkbaDetail } } }, async (request) =>
    mkba.removeMeasure(db(), requireActor(request), request.params.id),
  );
  typed.post('/api/v1/mkba-alternatives/:id/lines', { ...manage, schema: { tags, summary: 'Add a cost or benefit line (amount in cents, or null for PM)', params: IdParams, body: LineBody, response: { 201: MkbaDetail } } }, async (request, reply) =>
    reply.code(201).send(await mkba.addLine(db(), requireActor(request), request.params.id, request.body)),
  );
  typed.patch('/api/v1/mkba-lines/:id', { ...manage, schema: { tags, summary: 'Change a cost or benefit line', params: IdParams, body: UpdateLine, response: { 200: MkbaDetail } } }, async (request) =>
    mkba.changeLine(db(), requireActor(request), request.params.id, request.body),
  );
  typed.delete('/api/v1/mkba-lines/:id', { ...manage, schema: { tags, summary: 'Delete a cost or benefit line', params: IdParams, response: { 200: MkbaDetail } } }, async (request) =>
    mkba.removeLine(db(), requireActor(request), request.params.id),
  );
  typed.get('/api/v1/mkbas/:id/linkable-goals', { ...read, schema: { tags, summary: "Operational goals measured in the MKBA's area that a benefit can be tied to", params: IdParams, response: { 200: LinkableGoals } } }, async (request) => ({
    items: await linkableGoals(db(), requireActor(request), request.params.id),
  }));
  typed.post('/api/v1/mkba-alternatives/:id/linked-benefits', { ...manage, schema: { tags, summary: "Add a benefit computed from a programme goal's trajectory × a unit value", params: IdParams, body: LinkedBenefitBody, response: { 201: MkbaDetail } } }, async (request, reply) =>
    reply.code(201).send(await addLinkedBenefit(db(), requireActor(request), request.params.id, request.body)),
  );
  typed.patch('/api/v1/mkba-linked-benefits/:id', { ...manage, schema: { tags, summary: 'Change a linked benefit: actor, unit value and its source, quantity, measure or description (not its goal)', params: IdParams, body: UpdateLinkedBenefit, response: { 200: MkbaDetail } } }, async (request) =>
    changeLinkedBenefit(db(), requireActor(request), request.params.id, request.body),
  );
  typed.delete('/api/v1/mkba-linked-benefits/:id', { ...manage, schema: { tags, summary: 'Delete a linked benefit', params: IdParams, response: { 200: MkbaDetail } } }, async (request) =>
    removeLinkedBenefit(db(), requireActor(request), request.params.id),
  );
  for (const format of ['docx', 'pdf'] as const) {
    typed.get(`/api/v1/mkbas/:id/report.${format}`, { ...read, schema: { tags, summary: `The MKBA report as ${format.toUpperCase()} (audited as an export)`, params: IdParams } }, async (request, reply) => {
      const file = await mkbaReportFile(db(), requireActor(request), request.params.id, format, clock());
      return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
    });
  }
}
