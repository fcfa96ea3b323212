import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, deriveKey, requireActor } from '../../../platform/server/index.js';
import {
  CodeBatchRequest,
  CodeLookup,
  CodeLookupResult,
  CodeResponse,
  CreateSurvey,
  OpenResponse,
  PublicSurvey,
  PublishResult,
  ResponseReceived,
  SurveyDetail,
  SurveyList,
  SurveyParams,
  SurveyResults,
  UpdateSurvey,
} from '../contract.js';
import { makeCodeBatch } from './code-batches.service.js';
import { hashOfTypedCode, lookupCode, openSurveyForm, submitOpen, submitWithCode, type ResidentDeps } from './responses.service.js';
import { createSurvey, listSurveys, publishFigures, readResults, readSurvey, updateSurvey } from './survey.service.js';

/**
 * Rate limits of the public survey routes (docs/survey.md, "Abuse"): per IP address a household's worth of
 * people answering (a shared address behind one router), and per code a few tries a minute, so no code can
 * be hammered from many addresses. Both through the app's shared rate limiter (counted across processes).
 */
export const SURVEY_REQUESTS_PER_IP_PER_MINUTE = 20;
export const SURVEY_REQUESTS_PER_CODE_PER_MINUTE = 5;

/** Where residents answer, for the letters: PUBLIC_URL when set, else the address the request came to. */
export const SURVEY_WEB_PATH = '/bewoners/enquete';

export async function surveyRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const key = deriveKey(app.ctx.config.sessionSecret, 'survey-codes');
  const resident = (): ResidentDeps => ({ db: db(), key, now: app.ctx.clock() });
  const tags = ['survey'];
  // Counted after validation (preHandler): a request the schema refuses costs no database work and is not a
  // resident's try, so only well-formed requests count against the address.
  const perIp = { max: SURVEY_REQUESTS_PER_IP_PER_MINUTE, timeWindow: 60_000, hook: 'preHandler' as const };
  const perCodeLimit = app.createRateLimit({
    max: SURVEY_REQUESTS_PER_CODE_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => `survey-code:${hashOfTypedCode(key, (request.body as { code: string }).code)}`,
  });
  const limitPerCode = async (request: FastifyRequest) => {
    const result = await perCodeLimit(request);
    if (!result.isAllowed && result.isExceeded) {
      throw new AppError('rate_limited', 429, 'Too many tries with this code; try again in a minute', undefined, { 'retry-after': String(result.ttlInSeconds) });
    }
  };

  // The municipality's side.
  typed.get('/api/v1/surveys', { config: { access: 'survey.manage' }, schema: { tags, summary: 'Resident surveys, newest first', response: { 200: SurveyList } } }, async () => ({
    items: await listSurveys(db(), app.ctx.clock()),
  }));
  typed.post(
    '/api/v1/surveys',
    { config: { access: 'survey.manage' }, schema: { tags, summary: 'Define a survey: period, buurten, questions, suppression threshold (never below 5); audited', body: CreateSurvey, response: { 201: SurveyDetail } } },
    async (request, reply) => reply.code(201).send(await createSurvey(db(), requireActor(request), request.body, app.ctx.clock())),
  );
  typed.get('/api/v1/surveys/:id', { config: { access: 'survey.manage' }, schema: { tags, summary: 'A survey with its questions, buurten and codes issued per buurt', params: SurveyParams, response: { 200: SurveyDetail } } }, async (request) =>
    readSurvey(db(), request.params.id, app.ctx.clock()),
  );
  typed.patch(
    '/api/v1/surveys/:id',
    { config: { access: 'survey.manage' }, schema: { tags, summary: 'Change the suppression threshold or the closing day; audited', params: SurveyParams, body: UpdateSurvey, response: { 200: SurveyDetail } } },
    async (request) => updateSurvey(db(), requireActor(request), request.params.id, request.body, app.ctx.clock()),
  );
  typed.post(
    '/api/v1/surveys/:id/code-batches',
    { config: { access: 'survey.manage' }, schema: { tags, summary: 'Make invitation codes per buurt; answers with the print file (CSV for mail merge, or PDF letters), shown only this once; audited', params: SurveyParams, body: CodeBatchRequest } },
    async (request, reply) => {
      const base = app.ctx.config.publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`;
      const file = await makeCodeBatch(db(), { key, now: app.ctx.clock(), answerUrl: `${base}${SURVEY_WEB_PATH}` }, requireActor(request), request.params.id, request.body);
      return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );
  typed.get('/api/v1/surveys/:id/results', { config: { access: 'survey.manage' }, schema: { tags, summary: 'Results per area and channel with small-number suppression; open answers', params: SurveyParams, response: { 200: SurveyResults } } }, async (request) =>
    readResults(db(), request.params.id, app.ctx.clock()),
  );
  typed.post(
    '/api/v1/surveys/:id/figures',
    { config: { access: 'survey.manage' }, schema: { tags, summary: 'Write the results as indicator values (suppressed cells stay suppressed); audited', params: SurveyParams, response: { 200: PublishResult } } },
    async (request) => publishFigures(db(), requireActor(request), request.params.id, app.ctx.clock()),
  );

  // The resident's side: no login.
  typed.get('/api/v1/survey-forms/:id', { config: { access: 'public', rateLimit: perIp }, schema: { tags, summary: 'A survey as a resident answers it (the open link)', params: SurveyParams, response: { 200: PublicSurvey } } }, async (request) =>
    openSurveyForm(resident(), request.params.id),
  );
  typed.post(
    '/api/v1/survey-forms/:id/responses',
    { config: { access: 'public', rateLimit: perIp }, schema: { tags, summary: 'Answer through the open link (no code): the resident names the buurt', params: SurveyParams, body: OpenResponse, response: { 201: ResponseReceived } } },
    async (request, reply) => {
      await submitOpen(resident(), request.params.id, request.body);
      return reply.code(201).send({ received: true as const });
    },
  );
  typed.post(
    '/api/v1/survey-invitations/lookup',
    { config: { access: 'public', rateLimit: perIp }, schema: { tags, summary: 'The survey and buurt of an unused invitation code', body: CodeLookup, response: { 200: CodeLookupResult } } },
    async (request) => {
      await limitPerCode(request);
      return lookupCode(resident(), request.body.code);
    },
  );
  typed.post(
    '/api/v1/survey-invitations/responses',
    { config: { access: 'public', rateLimit: perIp }, schema: { tags, summary: 'Answer with an invitation code: stored without the code, which is then used up', body: CodeResponse, response: { 201: ResponseReceived } } },
    async (request, reply) => {
      await limitPerCode(request);
      await submitWithCode(resident(), request.body.code, request.body.answers);
      return reply.code(201).send({ received: true as const });
    },
  );
}
