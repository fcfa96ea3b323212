import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { DocumentQuery, FileQuery, IdParams, ReportDocument, SnapshotDetail, SnapshotList, SnapshotSummary, TakeSnapshot } from '../contract.js';
import { snapshotDocument } from './documents.service.js';
import { renderSnapshotFileNow } from './renders.service.js';
import { listSnapshots, readSnapshot, takeSnapshot } from './snapshots.service.js';

/** Snapshots (peildatum) of a programme. Thin: validate → authorize → service. */
export async function snapshotsRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const now = () => app.ctx.clock();
  const tags = ['reports'];

  typed.get(
    '/api/v1/programmes/:id/report-snapshots',
    { config: { access: 'reports.read' }, schema: { tags, summary: 'Snapshots of a programme, newest first', params: IdParams, response: { 200: SnapshotList } } },
    async (request) => ({ items: await listSnapshots(db(), requireActor(request), request.params.id) }),
  );
  typed.post(
    '/api/v1/programmes/:id/report-snapshots',
    {
      config: { access: 'reports.manage' },
      schema: { tags, summary: 'Take a snapshot of the programme: its figures frozen at today as peildatum, for a period that ends today', params: IdParams, body: TakeSnapshot, response: { 201: SnapshotSummary } },
    },
    async (request, reply) => reply.code(201).send(await takeSnapshot(db(), requireActor(request), request.params.id, request.body, now())),
  );
  typed.get(
    '/api/v1/report-snapshots/:id',
    { config: { access: 'reports.read' }, schema: { tags, summary: 'One snapshot with everything it froze', params: IdParams, response: { 200: SnapshotDetail } } },
    async (request) => readSnapshot(db(), requireActor(request), request.params.id),
  );
  typed.get(
    '/api/v1/report-snapshots/:id/document',
    {
      config: { access: 'reports.read' },
      schema: { tags, summary: 'A document of the snapshot (progress, annual, decisions of a meeting, subsidy of a source) as the model every format renders; the HTML preview', params: IdParams, querystring: DocumentQuery, response: { 200: ReportDocument } },
    },
    async (request) => snapshotDocument(db(), requireActor(request), request.params.id, request.query),
  );
  typed.get(
    '/api/v1/report-snapshots/:id/file',
    { config: { access: 'reports.read' }, schema: { tags, summary: 'A document of the snapshot as DOCX or tagged PDF, made while the request waits (audited as an export); the web app uses POST /report-renders with progress instead', params: IdParams, querystring: FileQuery } },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const file = await renderSnapshotFileNow(db(), requireActor(request), request.params.id, query, format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
