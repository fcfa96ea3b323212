import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, fieldErrorsOfIssues, invalid, requireActor } from '../../../platform/server/index.js';
import { MunicipalityCode } from '../../areas/contract.js';
import { ExtendRetention, IdentityList, IdParams, SignalImportResult, SubjectExportRequest, UnusualReadList } from '../contract.js';
import { exportDataSubject, readSignalIdentities } from './identities.service.js';
import { findUnusualReadAlerts } from './read-audit.js';
import { extendRetention } from './retention.service.js';
import { importSignalsCsv } from './signal-import.service.js';
import { signalsContext } from './signals-context.js';
import { signalsDb } from './signals.tables.js';

const ImportFields = z.strictObject({ municipality: MunicipalityCode });

async function readImportForm(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 415, 'Send the import as multipart/form-data with fields municipality and file');
  const fields: Record<string, string> = {};
  let file: { fileName: string; content: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) throw invalid('signal_import.form', 'Send exactly one file, in the field "file"', [{ path: part.fieldname, message: 'unexpected file' }]);
      file = { fileName: part.filename || 'upload.csv', content: await part.toBuffer() };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  const parsed = ImportFields.safeParse(fields);
  if (!parsed.success) throw invalid('validation', 'The form is invalid', fieldErrorsOfIssues(parsed.error.issues, fields));
  if (!file) throw invalid('signal_import.form', 'No file: send it in the field "file"', [{ path: 'file', message: 'required', code: 'required' }]);
  return { ...parsed.data, ...file };
}

/** Retention decisions, identities, data-subject export, imports and the unusual-reads list. */
export async function signalRecordsRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const ctx = () => signalsContext(app.ctx.config, app.ctx.clock());

  typed.post(
    '/api/v1/signals/:id/retention',
    {
      config: { access: 'signal_retention.extend' },
      schema: { tags: ['signals'], summary: 'Keep a signal longer: a recorded decision with its reason', params: IdParams, body: ExtendRetention, response: { 200: z.object({ retentionUntil: z.string() }) } },
    },
    async (request) => extendRetention(request.db, requireActor(request), request.params.id, request.body, app.ctx.clock()),
  );
  typed.get(
    '/api/v1/signals/:id/identities',
    {
      config: { access: 'signal_identities.read' },
      schema: { tags: ['signals'], summary: 'Who is behind the pseudonyms of one signal (case officers only); audited', params: IdParams, response: { 200: IdentityList } },
    },
    async (request) => readSignalIdentities(request.db, requireActor(request), request.params.id, ctx()),
  );
  typed.post(
    '/api/v1/signals/subject-export',
    {
      config: { access: 'signals.subject_export' },
      schema: { tags: ['signals'], summary: 'Data-subject request: every record about one person or group (reference in the body, never in the URL)', body: SubjectExportRequest },
    },
    async (request) => exportDataSubject(request.db, requireActor(request), request.body, ctx()),
  );
  typed.post(
    '/api/v1/signal-imports',
    {
      config: { access: 'signals.import' },
      schema: { tags: ['signals'], summary: 'Import signals from CSV (multipart: municipality, file); all or nothing, idempotent', response: { 200: SignalImportResult, 201: SignalImportResult } },
    },
    async (request, reply) => {
      const form = await readImportForm(request);
      const result = await importSignalsCsv(request.db, requireActor(request), form, ctx());
      return reply.code(result.status === 'applied' ? 201 : 200).send(result);
    },
  );
  typed.get(
    '/api/v1/signals/unusual-reads',
    { config: { access: 'audit.read' }, schema: { tags: ['signals'], summary: 'Alerts: users who read an unusual number of distinct persons in an hour', response: { 200: UnusualReadList } } },
    async () => {
      const rows = await findUnusualReadAlerts(signalsDb(app.ctx.database.db));
      return {
        threshold: app.ctx.config.signalsUnusualReadsPerHour,
        items: rows.map((r) => ({ id: r.id, username: r.username, hour: r.hour.toISOString(), distinctPseudonyms: r.distinct_count, createdAt: r.created_at.toISOString() })),
      };
    },
  );
}
