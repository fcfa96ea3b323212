import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, invalid, requireActor } from '../../../platform/server/index.js';
import {
  AddParticipant,
  AdviceBody,
  AreaChoiceList,
  ConditionStatusBody,
  DismissTrigger,
  DocumentQuery,
  HotspotTrigger,
  IdParams,
  ManualTrigger,
  PeopleList,
  PHOTO_MAX_BYTES,
  PlanCheckResult,
  PublishTemplate,
  RemovePhoto,
  ScanDetail,
  ScanItemParams,
  ScoreBody,
  StartScan,
  Template,
  TemplateList,
  TriggerList,
  TriggerListQuery,
  TriggerSummary,
} from '../contract.js';
import { signAdvice, setConditionStatus } from './advice.service.js';
import { renderAdvice } from './advice-document.js';
import { listScorers } from './people.service.js';
import { listAreaChoices, listScorersForScan } from './pickers.service.js';
import { addPhoto, readPhoto, removePhoto } from './photos.service.js';
import { addParticipant, readScan, scoreItem, startScan } from './scans.service.js';
import { listTemplates, publishTemplate, readTemplate } from './templates.service.js';
import { checkPlanTriggers, dismissTrigger, listTriggers, raiseHotspotTrigger, raiseManualTrigger, readTrigger } from './triggers.service.js';

/** The photo of a multipart upload (field "file"), stopped at PHOTO_MAX_BYTES with a 413 before anything is stored. */
async function readPhotoUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 415, 'Send the photo as multipart/form-data in the field "file"');
  const part = await request.file({ limits: { fileSize: PHOTO_MAX_BYTES, files: 1 } });
  if (!part || part.fieldname !== 'file') throw invalid('spatialadvice.photo_missing', 'No photo: send it in the field "file"', [{ path: 'file', message: 'required', code: 'required' }]);
  try {
    return await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('spatialadvice.photo_too_large', 413, `A photo may be at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB`);
    throw error;
  }
}

/** The spatial-safety advice API (docs/spatialadvice.md). Thin: validate → authorize (config.access) → service. */
export async function spatialAdviceRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const tags = ['spatialadvice'];
  const read = { config: { access: 'spatialadvice.read' as const } };
  const manage = { config: { access: 'spatialadvice.manage' as const } };
  const score = { config: { access: 'spatialadvice.score' as const } };
  const templates = { config: { access: 'spatialadvice.templates' as const } };
  const root = '/api/v1/spatial-advice';

  // ---- triggers ----
  typed.get(`${root}/triggers`, { ...read, schema: { tags, summary: 'Triggers (why an advice is needed), newest first; of an area or a programme', querystring: TriggerListQuery, response: { 200: TriggerList } } }, async (request) => ({
    items: await listTriggers(db(), requireActor(request), request.query),
  }));
  typed.post(`${root}/triggers`, { ...manage, schema: { tags, summary: 'Raise a trigger by hand: a public space with a staying function or a masterplan', body: ManualTrigger, response: { 201: TriggerSummary } } }, async (request, reply) =>
    reply.code(201).send(await raiseManualTrigger(db(), requireActor(request), request.body)),
  );
  typed.get(`${root}/areas`, { ...manage, schema: { tags, summary: 'Focus areas, wijken and buurten the caller may raise a trigger for (within their own areas)', response: { 200: AreaChoiceList } } }, async (request) => ({
    items: await listAreaChoices(db(), requireActor(request)),
  }));
  typed.post(`${root}/triggers/from-hotspot`, { ...manage, schema: { tags, summary: 'Raise a trigger from a hot cell of a saved hot-spot analysis (201; 200 when it was raised before)', body: HotspotTrigger, response: { 200: TriggerSummary, 201: TriggerSummary } } }, async (request, reply) => {
    const { created, trigger } = await raiseHotspotTrigger(db(), requireActor(request), request.body);
    return reply.code(created ? 201 : 200).send(trigger);
  });
  typed.post(`${root}/triggers/check-plans`, { ...manage, schema: { tags, summary: 'Raise a trigger for every programme and area that has none yet (also a job)', response: { 200: PlanCheckResult } } }, async (request) => ({
    raised: await checkPlanTriggers(db(), requireActor(request)),
  }));
  typed.get(`${root}/triggers/:id`, { ...read, schema: { tags, summary: 'One trigger', params: IdParams, response: { 200: TriggerSummary } } }, async (request) => readTrigger(db(), requireActor(request), request.params.id));
  typed.post(`${root}/triggers/:id/dismiss`, { ...manage, schema: { tags, summary: 'Close an open trigger without an advice, with the reason', params: IdParams, body: DismissTrigger, response: { 200: TriggerSummary } } }, async (request) =>
    dismissTrigger(db(), requireActor(request), request.params.id, request.body.reason),
  );

  // ---- checklist versions ----
  typed.get(`${root}/templates`, { ...read, schema: { tags, summary: 'Checklist versions, newest first', response: { 200: TemplateList } } }, async () => ({ items: await listTemplates(db()) }));
  typed.get(`${root}/templates/:id`, { ...read, schema: { tags, summary: 'One checklist version with its items', params: IdParams, response: { 200: Template } } }, async (request) => readTemplate(db(), request.params.id));
  typed.post(`${root}/templates`, { ...templates, schema: { tags, summary: 'Publish a new checklist version (scans keep the version they started with)', body: PublishTemplate, response: { 201: Template } } }, async (request, reply) =>
    reply.code(201).send(await publishTemplate(db(), requireActor(request), request.body)),
  );

  // ---- scans ----
  typed.get(`${root}/people`, { ...manage, schema: { tags, summary: 'People who may take part in a scan or own a condition', response: { 200: PeopleList } } }, async () => ({ items: await listScorers(db()) }));
  typed.get(`${root}/scans/:id/people`, { ...manage, schema: { tags, summary: 'People who may be invited to this scan or own its conditions: their areas cover its place', params: IdParams, response: { 200: PeopleList } } }, async (request) => ({
    items: await listScorersForScan(db(), requireActor(request), request.params.id),
  }));
  typed.post(`${root}/scans`, { ...manage, schema: { tags, summary: 'Start the omgevingsscan of an open trigger on the current checklist version', body: StartScan, response: { 201: ScanDetail } } }, async (request, reply) =>
    reply.code(201).send(await startScan(db(), requireActor(request), request.body.triggerId)),
  );
  typed.get(`${root}/scans/:id`, { ...read, schema: { tags, summary: 'A scan with its checklist, participants, scores, disagreements and advice', params: IdParams, response: { 200: ScanDetail } } }, async (request) =>
    readScan(db(), requireActor(request), request.params.id),
  );
  typed.post(`${root}/scans/:id/participants`, { ...manage, schema: { tags, summary: 'Invite a person with their discipline', params: IdParams, body: AddParticipant, response: { 200: ScanDetail } } }, async (request) =>
    addParticipant(db(), requireActor(request), request.params.id, request.body),
  );
  typed.put(`${root}/scans/:id/items/:itemId/score`, { ...score, schema: { tags, summary: 'The caller’s own score of one item, with remark and evidence', params: ScanItemParams, body: ScoreBody, response: { 200: ScanDetail } } }, async (request) =>
    scoreItem(db(), requireActor(request), request.params.id, request.params.itemId, request.body),
  );
  typed.post(`${root}/scans/:id/items/:itemId/photos`, { ...score, schema: { tags, summary: 'A photo (JPEG or PNG, at most 5 MB; metadata removed) beside the caller’s score of an item (multipart, field "file")', params: ScanItemParams, response: { 201: ScanDetail } } }, async (request, reply) => {
    const content = await readPhotoUpload(request);
    return reply.code(201).send(await addPhoto(db(), requireActor(request), request.params.id, request.params.itemId, content));
  });
  typed.get(`${root}/photos/:id`, { ...read, schema: { tags, summary: 'A photo of a scan, without metadata', params: IdParams } }, async (request, reply) => {
    const photo = await readPhoto(db(), requireActor(request), request.params.id);
    return reply.header('content-type', photo.mediaType).header('content-disposition', 'inline').send(photo.bytes);
  });

  typed.post(`${root}/photos/:id/removal`, { ...read, schema: { tags, summary: 'Remove a photo, with the reason: whoever took it while the scan is open, whoever manages advices at any time', params: IdParams, body: RemovePhoto, response: { 200: ScanDetail } } }, async (request) =>
    removePhoto(db(), requireActor(request), request.params.id, request.body),
  );

  // ---- the advice ----
  typed.post(`${root}/scans/:id/advice`, { ...manage, schema: { tags, summary: 'Give and sign the advice (read-only afterwards); conditions become actions', params: IdParams, body: AdviceBody, response: { 200: ScanDetail } } }, async (request) =>
    signAdvice(db(), requireActor(request), request.params.id, request.body, app.ctx.clock()),
  );
  typed.get(`${root}/scans/:id/document`, { ...read, schema: { tags, summary: 'The signed advice as DOCX or PDF', params: IdParams, querystring: DocumentQuery } }, async (request, reply) => {
    const file = await renderAdvice(db(), requireActor(request), request.params.id, request.query.format);
    const type = request.query.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    return reply.header('content-type', type).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
  });
  typed.patch(`${root}/conditions/:id`, { ...score, schema: { tags, summary: 'Mark a condition’s action done, cancelled or open (its owner or a manager)', params: IdParams, body: ConditionStatusBody, response: { 200: ScanDetail } } }, async (request) =>
    setConditionStatus(db(), requireActor(request), request.params.id, request.body.status, app.ctx.clock()),
  );
}
