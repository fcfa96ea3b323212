import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { CreateRender, IdParams, RenderStatus } from '../contract.js';
import { getRenderStatus, readRenderFile, RenderRunner } from './renders.service.js';

/** Renders off the request thread: ask (202), poll the status and progress, fetch the file. */
export async function rendersRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const now = () => app.ctx.clock();
  const tags = ['reports'];
  const runner = new RenderRunner(db);
  // Renders still running finish (or fail) before the database closes.
  app.addHook('onClose', async () => runner.drain());

  typed.post(
    '/api/v1/report-renders',
    {
      config: { access: 'reports.read' },
      schema: { tags, summary: 'Make a DOCX or PDF of a snapshot\'s document or of a council letter, in the background: 202 with the render to poll', body: CreateRender, response: { 202: RenderStatus } },
    },
    async (request, reply) => {
      const status = await runner.start(requireActor(request), request.body);
      return reply.code(202).header('location', `/api/v1/report-renders/${status.id}`).send(status);
    },
  );
  typed.get(
    '/api/v1/report-renders/:id',
    { config: { access: 'reports.read' }, schema: { tags, summary: 'Status and progress (0–100) of a render of yours', params: IdParams, response: { 200: RenderStatus } } },
    async (request) => getRenderStatus(db(), requireActor(request), request.params.id, now()),
  );
  typed.get(
    '/api/v1/report-renders/:id/file',
    { config: { access: 'reports.read' }, schema: { tags, summary: 'The finished file of a render of yours (audited as an export); 409 while it is being made', params: IdParams } },
    async (request, reply) => {
      const file = await readRenderFile(db(), requireActor(request), request.params.id, now());
      return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );
}
