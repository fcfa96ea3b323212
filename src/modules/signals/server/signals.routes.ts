import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { CreatedSignal, CreateSignal, IdParams, Signal, SignalCounts, SignalCountsQuery, SignalExportQuery, SignalList, SignalListQuery, Taxonomy } from '../contract.js';
import { countSignals, exportSignals } from './aggregates.service.js';
import { signalsContext } from './signals-context.js';
import { createSignal, getSignal, getTaxonomy, listSignals } from './signals.service.js';

/** Signals: register, list, read, count, export. Thin: validate → authorize → service → present. */
export async function signalsRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (_request: FastifyRequest) => signalsContext(app.ctx.config, app.ctx.clock());

  typed.get(
    '/api/v1/signal-categories',
    { config: { access: 'signals.read' }, schema: { tags: ['signals'], summary: 'The category taxonomy (allowed fields, regimes, retention) and the legal regimes', response: { 200: Taxonomy } } },
    async (request) => getTaxonomy(request.db),
  );
  typed.post(
    '/api/v1/signals',
    {
      config: { access: 'signals.create' },
      schema: { tags: ['signals'], summary: 'Register a signal for your organisation; persons and groups are stored as keyed pseudonyms', body: CreateSignal, response: { 201: CreatedSignal } },
    },
    async (request, reply) => {
      const created = await createSignal(request.db, requireActor(request), request.body, ctx(request));
      return reply.code(201).send({ id: created.id, areaCode: created.areaCode, retentionUntil: created.retentionUntil, subjects: created.subjects });
    },
  );
  typed.get(
    '/api/v1/signals',
    {
      config: { access: 'signals.read' },
      schema: { tags: ['signals'], summary: 'The signals you may see (need-to-know), newest first; audited', querystring: SignalListQuery, response: { 200: SignalList } },
    },
    async (request) => listSignals(request.db, requireActor(request), request.query, ctx(request)),
  );
  typed.get(
    '/api/v1/signals/counts',
    {
      config: { access: 'signals.read' },
      schema: { tags: ['signals'], summary: 'Signal counts per buurt or wijk; counts below the threshold are suppressed', querystring: SignalCountsQuery, response: { 200: SignalCounts } },
    },
    async (request) => countSignals(request.db, requireActor(request), request.query, ctx(request)),
  );
  typed.get(
    '/api/v1/signals/export',
    { config: { access: 'signals.export' }, schema: { tags: ['signals'], summary: 'The signals you may see as CSV (no pseudonyms); audited', querystring: SignalExportQuery } },
    async (request, reply) => {
      const csv = await exportSignals(request.db, requireActor(request), request.query, ctx(request));
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="signalen.csv"').send(csv);
    },
  );
  typed.get(
    '/api/v1/signals/:id',
    { config: { access: 'signals.read' }, schema: { tags: ['signals'], summary: 'One signal; 404 when it does not exist or you may not see it; audited', params: IdParams, response: { 200: Signal } } },
    async (request) => getSignal(request.db, requireActor(request), request.params.id, ctx(request)),
  );
}
