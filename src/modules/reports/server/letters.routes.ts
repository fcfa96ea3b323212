import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { CreateLetter, IdParams, LetterDetail, LetterList, LetterVersionQuery, ReportDocument, SaveLetter, SaveTemplate, Template, TemplateQuery } from '../contract.js';
import { createLetter, letterDocument, listLetters, readLetter, saveLetterVersion } from './letters.service.js';
import { getTemplate, saveTemplate } from './templates.service.js';

/** Council letters (versioned drafts) and the municipality's letter template. Thin: validate → authorize → service. */
export async function lettersRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const tags = ['reports'];

  typed.get(
    '/api/v1/programmes/:id/council-letters',
    { config: { access: 'reports.read' }, schema: { tags, summary: 'Council letters of a programme, each with its newest version', params: IdParams, response: { 200: LetterList } } },
    async (request) => ({ items: await listLetters(db(), requireActor(request), request.params.id) }),
  );
  typed.post(
    '/api/v1/programmes/:id/council-letters',
    { config: { access: 'reports.manage' }, schema: { tags, summary: 'Start a council letter: its first version, written against a snapshot of the programme', params: IdParams, body: CreateLetter, response: { 201: LetterDetail } } },
    async (request, reply) => reply.code(201).send(await createLetter(db(), requireActor(request), request.params.id, request.body)),
  );
  typed.get(
    '/api/v1/council-letters/:id',
    { config: { access: 'reports.read' }, schema: { tags, summary: 'A council letter: its newest version, or the one asked for, with the list of versions', params: IdParams, querystring: LetterVersionQuery, response: { 200: LetterDetail } } },
    async (request) => readLetter(db(), requireActor(request), request.params.id, request.query.version),
  );
  typed.post(
    '/api/v1/council-letters/:id/versions',
    {
      config: { access: 'reports.manage' },
      schema: { tags, summary: 'Save the letter as a new version (409 when someone saved a newer one since baseVersion)', params: IdParams, body: SaveLetter, response: { 201: LetterDetail } },
    },
    async (request, reply) => reply.code(201).send(await saveLetterVersion(db(), requireActor(request), request.params.id, request.body)),
  );
  typed.get(
    '/api/v1/council-letters/:id/document',
    { config: { access: 'reports.read' }, schema: { tags, summary: 'A version of the letter as the document model every format renders; the HTML preview', params: IdParams, querystring: LetterVersionQuery, response: { 200: ReportDocument } } },
    async (request) => (await letterDocument(db(), requireActor(request), request.params.id, request.query.version)).document,
  );

  typed.get(
    '/api/v1/report-templates',
    { config: { access: 'reports.read' }, schema: { tags, summary: "The municipality's council letter template in force (the built-in default until it saves its own)", querystring: TemplateQuery, response: { 200: Template } } },
    async (request) => getTemplate(db(), requireActor(request), request.query.municipality),
  );
  typed.post(
    '/api/v1/report-templates',
    { config: { access: 'report_templates.manage' }, schema: { tags, summary: 'Save a new version of the municipality\'s letter template (409 when someone saved a newer one since baseVersion)', body: SaveTemplate, response: { 201: Template } } },
    async (request, reply) => reply.code(201).send(await saveTemplate(db(), requireActor(request), request.body)),
  );
}
