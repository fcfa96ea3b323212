import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, fieldErrorsOfIssues, invalid, requireActor } from '../../../platform/server/index.js';
import { ImportKind, ImportList, ImportResult } from '../contract.js';
import { listImports, runImport } from './import/import.service.js';

const ImportFields = z.strictObject({
  kind: ImportKind,
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});

/**
 * Reads the multipart form (kind, year, file). The file is buffered up to the platform's upload limit;
 * past it @fastify/multipart throws, which becomes a 413 before anything is written.
 */
async function readImportForm(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 415, 'Send the import as multipart/form-data with fields kind, year and file');
  const fields: Record<string, string> = {};
  let file: { fileName: string; content: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) throw invalid('import.form', 'Send exactly one file, in the field "file"', [{ path: part.fieldname, message: 'unexpected file' }]);
      file = { fileName: part.filename || 'upload', content: await part.toBuffer() };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  const parsed = ImportFields.safeParse(fields);
  if (!parsed.success) {
    throw invalid('validation', 'The form is invalid', fieldErrorsOfIssues(parsed.error.issues, fields));
  }
  if (!file) throw invalid('import.form', 'No file: send it in the field "file"', [{ path: 'file', message: 'required', code: 'required' }]);
  return { ...parsed.data, ...file };
}

export async function importRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/imports',
    {
      config: { access: 'imports.run' },
      schema: {
        tags: ['imports'],
        summary: 'Import a CBS KWB CSV, PDOK wijkenbuurten GeoJSON, area GeoJSON or values CSV (multipart: kind, year, file); all or nothing, idempotent',
        response: { 200: ImportResult, 201: ImportResult },
      },
    },
    async (request, reply) => {
      const form = await readImportForm(request);
      const result = await runImport(request.db, requireActor(request), {
        kind: form.kind,
        fileName: form.fileName,
        content: form.content,
        ...(form.year === undefined ? {} : { year: form.year }),
      });
      return reply.code(result.status === 'applied' ? 201 : 200).send({ id: result.id, rows: result.rows, status: result.status });
    },
  );
  typed.get(
    '/api/v1/imports',
    { config: { access: 'imports.run' }, schema: { tags: ['imports'], summary: 'Imports so far, newest first, with their reports', response: { 200: ImportList } } },
    async (request) => ({ items: await listImports(request.db) }),
  );
}
