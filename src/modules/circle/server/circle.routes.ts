import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import {
  AddMember,
  Benchmark,
  BenchmarkList,
  Bundle,
  CreateLesson,
  CreateMeeting,
  IdParams,
  Identity,
  ImportBundle,
  ImportResult,
  IndicatorParams,
  Lesson,
  LessonList,
  Meeting,
  MeetingList,
  MeetingPartParams,
  Member,
  MemberList,
  Overview,
  PartNotes,
  RevokeMember,
  UpdateLesson,
  ReceivedDetail,
  SearchQuery,
  SearchResult,
  SetShare,
  ShareableItem,
  ShareableList,
  UpdateIdentity,
} from '../contract.js';
import { listBenchmarks, readBenchmark } from './benchmark.service.js';
import { exportBundle, importBundle } from './exchange.service.js';
import { readIdentity, rotateKey, updateIdentity } from './identity.service.js';
import { createLesson, createMeeting, deleteLesson, listLessons, updateLesson, listMeetings, readMeeting, updatePartNotes } from './lessons.service.js';
import { addMember, listMembers, removeMember, revokeMember } from './members.service.js';
import { overview, searchLessons, viewReceived } from './received.service.js';
import { listShareable, setShare } from './shares.service.js';

/** The learning circle's API (docs/circle.md). Thin: validate → authorize (config.access) → service. */
export async function circleRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const secret = () => app.ctx.config.sessionSecret;
  const tags = ['circle'];
  const read = { config: { access: 'circle.read' as const } };
  const manage = { config: { access: 'circle.manage' as const } };
  const members = { config: { access: 'circle.members' as const } };

  typed.get('/api/v1/circle', { ...read, schema: { tags, summary: 'The circle: this installation, the members and the titles of what they share', response: { 200: Overview } } }, async () => overview(db()));
  typed.get('/api/v1/circle/received/:id', { ...read, schema: { tags, summary: 'One item received from a member (audited; a trend shows no values)', params: IdParams, response: { 200: ReceivedDetail } } }, async (request) =>
    viewReceived(db(), requireActor(request), request.params.id),
  );
  typed.get('/api/v1/circle/lesson-search', { ...read, schema: { tags, summary: 'Full-text search over own and received lessons', querystring: SearchQuery, response: { 200: SearchResult } } }, async (request) => ({
    items: await searchLessons(db(), request.query.q),
  }));

  typed.get('/api/v1/circle/lessons', { ...read, schema: { tags, summary: 'This installation’s lesson items', response: { 200: LessonList } } }, async () => ({ items: await listLessons(db()) }));
  typed.post('/api/v1/circle/lessons', { ...manage, schema: { tags, summary: 'Write down a lesson (internal until shared)', body: CreateLesson, response: { 201: Lesson } } }, async (request, reply) =>
    reply.code(201).send(await createLesson(db(), requireActor(request), request.body)),
  );
  typed.put('/api/v1/circle/lessons/:id', { ...manage, schema: { tags, summary: 'Change a lesson (members get the change with the next bundle)', params: IdParams, body: UpdateLesson, response: { 200: Lesson } } }, async (request) =>
    updateLesson(db(), requireActor(request), request.params.id, request.body),
  );
  typed.delete('/api/v1/circle/lessons/:id', { ...manage, schema: { tags, summary: 'Delete a lesson (it leaves the next bundle and the public page)', params: IdParams } }, async (request, reply) => {
    await deleteLesson(db(), requireActor(request), request.params.id);
    return reply.code(204).send();
  });

  typed.get('/api/v1/circle/meetings', { ...read, schema: { tags, summary: 'Circle meetings', response: { 200: MeetingList } } }, async () => ({ items: await listMeetings(db()) }));
  typed.post('/api/v1/circle/meetings', { ...manage, schema: { tags, summary: 'Record a circle meeting with its four parts', body: CreateMeeting, response: { 201: Meeting } } }, async (request, reply) =>
    reply.code(201).send(await createMeeting(db(), requireActor(request), request.body)),
  );
  typed.get('/api/v1/circle/meetings/:id', { ...read, schema: { tags, summary: 'A circle meeting with its parts and lessons', params: IdParams, response: { 200: Meeting } } }, async (request) => readMeeting(db(), request.params.id));
  typed.put('/api/v1/circle/meetings/:id/parts/:part', { ...manage, schema: { tags, summary: 'The notes of one part of a meeting', params: MeetingPartParams, body: PartNotes, response: { 200: Meeting } } }, async (request) =>
    updatePartNotes(db(), requireActor(request), request.params.id, request.params.part, request.body.notes),
  );

  typed.get('/api/v1/circle/shares', { ...read, schema: { tags, summary: 'This installation’s items and their share level', response: { 200: ShareableList } } }, async (request) => ({
    items: await listShareable(db(), requireActor(request)),
  }));
  typed.put('/api/v1/circle/shares', { ...manage, schema: { tags, summary: 'Set the share level of one item (internal, circle, public)', body: SetShare, response: { 200: ShareableItem } } }, async (request) =>
    setShare(db(), requireActor(request), request.body),
  );

  typed.post('/api/v1/circle/exports', { ...manage, schema: { tags, summary: 'Export a signed bundle of everything shared at circle or public level', response: { 200: Bundle } } }, async (request) =>
    exportBundle(db(), requireActor(request), secret(), app.ctx.clock()),
  );
  typed.post('/api/v1/circle/imports', { ...manage, schema: { tags, summary: 'Import a member’s signed bundle (replaces what that member shared before)', body: ImportBundle, response: { 200: ImportResult } } }, async (request) =>
    importBundle(db(), requireActor(request), request.body.bundle),
  );

  typed.get('/api/v1/circle/benchmarks', { ...read, schema: { tags, summary: 'Indicators shared in the circle and by how many members', response: { 200: BenchmarkList } } }, async () => listBenchmarks(db()));
  typed.get('/api/v1/circle/benchmarks/:indicator', { ...read, schema: { tags, summary: 'Own trend against the circle median (from 5 members; years with fewer values suppressed)', params: IndicatorParams, response: { 200: Benchmark } } }, async (request) =>
    readBenchmark(db(), requireActor(request), request.params.indicator),
  );

  typed.get('/api/v1/circle/identity', { ...members, schema: { tags, summary: 'This installation’s name, gemeentecode, public key and fingerprint (the key pair is made at first use)', response: { 200: Identity } } }, async (request) =>
    readIdentity(db(), secret(), requireActor(request)),
  );
  typed.put('/api/v1/circle/identity', { ...members, schema: { tags, summary: 'Set this installation’s name and gemeentecode', body: UpdateIdentity, response: { 200: Identity } } }, async (request) =>
    updateIdentity(db(), secret(), requireActor(request), request.body),
  );
  typed.post('/api/v1/circle/identity/rotation', { ...members, schema: { tags, summary: 'Make a new key pair; the next bundles carry the new key signed with the old one, and the old private key is discarded', response: { 200: Identity } } }, async (request) =>
    rotateKey(db(), secret(), requireActor(request), app.ctx.clock()),
  );
  typed.get('/api/v1/circle/members', { ...members, schema: { tags, summary: 'The members and their key fingerprints', response: { 200: MemberList } } }, async () => ({ items: await listMembers(db()) }));
  typed.post('/api/v1/circle/members', { ...members, schema: { tags, summary: 'Register a member with its public key (check the fingerprint out of band first)', body: AddMember, response: { 201: Member } } }, async (request, reply) =>
    reply.code(201).send(await addMember(db(), requireActor(request), request.body)),
  );
  typed.delete('/api/v1/circle/members/:id', { ...members, schema: { tags, summary: 'Remove a member and what was received from it', params: IdParams } }, async (request, reply) => {
    await removeMember(db(), requireActor(request), request.params.id);
    return reply.code(204).send();
  });
  typed.post('/api/v1/circle/members/:id/revocation', { ...members, schema: { tags, summary: 'Revoke a member’s key with a reason: its bundles are refused and what it shared is removed (the member stays listed)', params: IdParams, body: RevokeMember, response: { 200: Member } } }, async (request) =>
    revokeMember(db(), requireActor(request), request.params.id, request.body, app.ctx.clock()),
  );
}
