import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { seedEvaluationDemo } from './server/demo-evaluation.js';
import { evaluationRoutes } from './server/evaluation.routes.js';

/**
 * Evaluation of programmes against fixed frameworks (Platform31's six lessons, the programme's own goals),
 * scored by several evaluators, with linked evidence and a shared library of success and failure factors
 * (docs/evaluation.md).
 */
export const evaluationModule: ServerModule = {
  name: 'evaluation',
  routes: async (app: FastifyInstance) => {
    await evaluationRoutes(app);
  },
  seedDemo: (db) => seedEvaluationDemo(db),
};

/*
 * For the learning circle (the circle module's item kinds, docs/circle.md):
 *  evaluationForSharing(db, evaluationId) → null, or for an established (vastgesteld) evaluation a plain JSON
 *      object { title, programmeName, areaName, kind: 'interim'|'final', peildatum: 'YYYY-MM-DD',
 *      status: 'established', isIllustrative, criteria: [{ framework, criterion, medianScore, conclusion }],
 *      successFactors: [{ title, explanation }], failureFactors: [{ title, explanation }] } — no evaluator
 *      names, no evidence. No access check: the caller decides who may share.
 *  listEvaluationsForSharing(db, actor) → the established evaluations the actor may see: { id, title,
 *      areaName, isIllustrative }, newest first.
 */
export { evaluationForSharing, listEvaluationsForSharing, type SharedEvaluation } from './server/sharing.js';
