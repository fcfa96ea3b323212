import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { AddEvidence, AddFactor, AdoptFactor, CandidateList, CreateEvaluation, EvaluationDetail, EvaluationList, EvidenceOptions, FactorLibrary, FrameworkList, IdParams, InviteEvaluator, LibraryQuery, ListQuery, SaveConclusion, SaveScore, Transition } from '../contract.js';
import * as evaluations from './evaluation.service.js';
import { evaluationReportFile } from './evaluation-report.service.js';
import { readEvaluationDetail } from './evaluation-view.js';
import { addEvidence, evidenceOptions, removeEvidence } from './evidence.service.js';
import { addFactor, adoptFactor, listLibrary, removeFactor } from './factors.service.js';
import { saveConclusion, saveScore, submitScores } from './scoring.service.js';

/**
 * The evaluation API. Thin: validate → authorize (config.access) → service. Who within an evaluation may do
 * what (lead, evaluator) is the services' rule; every write answers the evaluation as the caller now sees it.
 */
export async function evaluationRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const clock = () => app.ctx.clock();
  const tags = ['evaluation'];
  // Evaluators score and link evidence with read access: being invited is what lets them (services check it).
  const read = { config: { access: 'evaluation.read' as const } };
  const manage = { config: { access: 'evaluation.manage' as const } };
  const detail = { 200: EvaluationDetail };

  typed.get('/api/v1/evaluation-frameworks', { ...read, schema: { tags, summary: 'The fixed frameworks with their criteria (newest version)', response: { 200: FrameworkList } } }, async () => ({ items: await evaluations.listFrameworks(db()) }));
  typed.get('/api/v1/evaluations', { ...read, schema: { tags, summary: 'Evaluations of the programmes the caller may see', querystring: ListQuery, response: { 200: EvaluationList } } }, async (request) => ({
    items: await evaluations.listEvaluations(db(), requireActor(request), request.query.programme),
  }));
  typed.post('/api/v1/evaluations', { ...manage, schema: { tags, summary: 'Start an evaluation of a programme; the caller leads it', body: CreateEvaluation, response: { 201: EvaluationDetail } } }, async (request, reply) =>
    reply.code(201).send(await evaluations.createEvaluation(db(), requireActor(request), request.body)),
  );
  typed.get('/api/v1/evaluations/:id', { ...read, schema: { tags, summary: 'An evaluation; other evaluators\' scores only once the caller submitted or scoring closed', params: IdParams, response: detail } }, async (request) =>
    readEvaluationDetail(db(), requireActor(request), request.params.id),
  );
  typed.get('/api/v1/evaluations/:id/candidates', { ...manage, schema: { tags, summary: 'Users the lead may invite (read access to evaluations and to the programme)', params: IdParams, response: { 200: CandidateList } } }, async (request) => ({
    items: await evaluations.listCandidates(db(), requireActor(request), request.params.id),
  }));
  typed.post('/api/v1/evaluations/:id/evaluators', { ...manage, schema: { tags, summary: 'Invite an evaluator (lead only; concept or scoring open)', params: IdParams, body: InviteEvaluator, response: detail } }, async (request) =>
    evaluations.inviteEvaluator(db(), requireActor(request), request.params.id, request.body.userId),
  );
  typed.post('/api/v1/evaluations/:id/status', { ...manage, schema: { tags, summary: 'Open scoring, close scoring, or establish (lead only; established is final)', params: IdParams, body: Transition, response: detail } }, async (request) =>
    evaluations.changeStatus(db(), requireActor(request), request.params.id, request.body.to),
  );
  typed.post('/api/v1/evaluations/:id/submission', { ...read, schema: { tags, summary: 'Submit the caller\'s scores (every criterion scored); they can no longer change', params: IdParams, response: detail } }, async (request) =>
    submitScores(db(), requireActor(request), request.params.id),
  );
  typed.put('/api/v1/evaluation-criteria/:id/my-score', { ...read, schema: { tags, summary: 'The caller\'s score of a criterion: 1–5 with a motivation, or null (niet te beoordelen)', params: IdParams, body: SaveScore, response: detail } }, async (request) =>
    saveScore(db(), requireActor(request), request.params.id, request.body),
  );
  typed.put('/api/v1/evaluation-criteria/:id/conclusion', { ...manage, schema: { tags, summary: 'The lead\'s conclusion on a criterion (scoring closed)', params: IdParams, body: SaveConclusion, response: detail } }, async (request) =>
    saveConclusion(db(), requireActor(request), request.params.id, request.body.conclusion),
  );
  typed.get('/api/v1/evaluations/:id/evidence-options', { ...read, schema: { tags, summary: 'Figures, activities, goals and decisions of the programme the caller may link', params: IdParams, response: { 200: EvidenceOptions } } }, async (request) =>
    evidenceOptions(db(), requireActor(request), request.params.id),
  );
  typed.post('/api/v1/evaluation-criteria/:id/evidence', { ...read, schema: { tags, summary: 'Link evidence to a criterion (evaluators; not once established)', params: IdParams, body: AddEvidence, response: { 201: EvaluationDetail } } }, async (request, reply) =>
    reply.code(201).send(await addEvidence(db(), requireActor(request), request.params.id, request.body)),
  );
  typed.delete('/api/v1/evaluation-evidence/:id', { ...read, schema: { tags, summary: 'Remove evidence (who linked it, or the lead)', params: IdParams, response: detail } }, async (request) =>
    removeEvidence(db(), requireActor(request), request.params.id),
  );
  typed.post('/api/v1/evaluations/:id/factors', { ...manage, schema: { tags, summary: 'Record a success or failure factor (lead; scoring closed)', params: IdParams, body: AddFactor, response: { 201: EvaluationDetail } } }, async (request, reply) =>
    reply.code(201).send(await addFactor(db(), requireActor(request), request.params.id, request.body)),
  );
  typed.delete('/api/v1/evaluation-factors/:id', { ...manage, schema: { tags, summary: 'Remove a factor of an evaluation (lead; scoring closed)', params: IdParams, response: detail } }, async (request) =>
    removeFactor(db(), requireActor(request), request.params.id),
  );
  typed.post('/api/v1/evaluations/:id/adopted-factors', { ...manage, schema: { tags, summary: 'Take a factor from the library into this evaluation as a lesson to check', params: IdParams, body: AdoptFactor, response: { 201: EvaluationDetail } } }, async (request, reply) =>
    reply.code(201).send(await adoptFactor(db(), requireActor(request), request.params.id, request.body)),
  );
  // The evaluation as a document for the council and the programme board: who may read it, once scoring is closed.
  for (const format of ['docx', 'pdf'] as const) {
    typed.get(`/api/v1/evaluations/:id/report.${format}`, { ...read, schema: { tags, summary: `The evaluation as ${format.toUpperCase()} (scoring closed or established; audited as an export)`, params: IdParams } }, async (request, reply) => {
      const file = await evaluationReportFile(db(), requireActor(request), request.params.id, format, clock());
      return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
    });
  }
  typed.get('/api/v1/evaluation-factors', { ...read, schema: { tags, summary: 'The factor library: success and failure factors of established evaluations and documents', querystring: LibraryQuery, response: { 200: FactorLibrary } } }, async (request) => ({
    items: await listLibrary(db(), requireActor(request), request.query),
  }));
}
