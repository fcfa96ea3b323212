import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import {
  Action,
  ActionList,
  CreateAction,
  CreateAgendaItem,
  CreateDecision,
  CreateMeeting,
  DecisionPublicationInput,
  IdParams,
  LinkOptions,
  LinkOptionsQuery,
  MeetingDetail,
  MeetingList,
  MeetingListQuery,
  MyActionsQuery,
  OwnerOptions,
  UpdateAction,
  UpdateAgendaItem,
} from '../contract.js';
import { addAction, listMyActions, listOwnerOptions, updateAction } from './actions.service.js';
import { addAgendaItem, addDecision, closeMeeting, createMeeting, getMeetingDetail, listMeetings, setAgendaItemOutcome } from './meetings.service.js';
import { listProgrammeLinkOptions } from './programme-links.js';
import { setDecisionPublication } from './decision-publication.service.js';

/** Meetings, agenda items, decisions and actions. Thin: validate → authorize → service. */
export async function meetingsRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const now = () => app.ctx.clock();
  const tags = ['meetings'];

  typed.get(
    '/api/v1/meetings',
    { config: { access: 'meetings.read' }, schema: { tags, summary: 'Meetings the caller may see, newest first', querystring: MeetingListQuery, response: { 200: MeetingList } } },
    async (request) => listMeetings(db(), requireActor(request), request.query, now()),
  );
  typed.post(
    '/api/v1/meetings',
    { config: { access: 'meetings.manage' }, schema: { tags, summary: 'Plan a meeting (kernteam, wijkoverleg, casusoverleg)', body: CreateMeeting, response: { 201: MeetingDetail } } },
    async (request, reply) => reply.code(201).send(await createMeeting(db(), requireActor(request), request.body, now())),
  );
  typed.get(
    '/api/v1/meetings/:id',
    { config: { access: 'meetings.read' }, schema: { tags, summary: 'A meeting with agenda, decisions, actions and what keeps it from closing', params: IdParams, response: { 200: MeetingDetail } } },
    async (request) => getMeetingDetail(db(), requireActor(request), request.params.id, now()),
  );
  typed.post(
    '/api/v1/meetings/:id/close',
    {
      config: { access: 'meetings.manage' },
      schema: { tags, summary: 'Close a meeting: refused (409) while an item lacks a decision or a reason, or a decision lacks an action', params: IdParams, response: { 200: MeetingDetail } },
    },
    async (request) => closeMeeting(db(), requireActor(request), request.params.id, now()),
  );
  typed.post(
    '/api/v1/meetings/:id/agenda-items',
    { config: { access: 'meetings.manage' }, schema: { tags, summary: 'Add an agenda item, linked to goals, activities or priority areas', params: IdParams, body: CreateAgendaItem, response: { 201: MeetingDetail } } },
    async (request, reply) => reply.code(201).send(await addAgendaItem(db(), requireActor(request), request.params.id, request.body, now())),
  );
  typed.patch(
    '/api/v1/agenda-items/:id',
    {
      config: { access: 'meetings.manage' },
      schema: { tags, summary: 'Close an agenda item without a decision (with the reason), or withdraw that', params: IdParams, body: UpdateAgendaItem, response: { 200: MeetingDetail } },
    },
    async (request) => setAgendaItemOutcome(db(), requireActor(request), request.params.id, request.body, now()),
  );
  typed.post(
    '/api/v1/agenda-items/:id/decisions',
    { config: { access: 'meetings.manage' }, schema: { tags, summary: 'Record a decision on an agenda item', params: IdParams, body: CreateDecision, response: { 201: MeetingDetail } } },
    async (request, reply) => reply.code(201).send(await addDecision(db(), requireActor(request), request.params.id, request.body, now())),
  );
  typed.put(
    '/api/v1/decisions/:id/publication',
    {
      config: { access: 'meetings.manage' },
      schema: { tags, summary: 'Show a decision (and what became of it) to residents on the public area pages, or stop; never for a case meeting', params: IdParams, body: DecisionPublicationInput, response: { 200: MeetingDetail } },
    },
    async (request) => setDecisionPublication(db(), requireActor(request), request.params.id, request.body.public, now()),
  );
  typed.post(
    '/api/v1/meetings/:id/actions',
    { config: { access: 'meetings.manage' }, schema: { tags, summary: 'Add an action item with owner and due date', params: IdParams, body: CreateAction, response: { 201: Action } } },
    async (request, reply) => reply.code(201).send(await addAction(db(), requireActor(request), request.params.id, request.body, now())),
  );
  // Partners reach this route too: the service lets an owner change the status of their own action only.
  typed.patch(
    '/api/v1/meeting-actions/:id',
    { config: { access: 'meetings.read' }, schema: { tags, summary: 'Update an action: status by its owner; owner and due date by the programme manager', params: IdParams, body: UpdateAction, response: { 200: Action } } },
    async (request) => updateAction(db(), requireActor(request), request.params.id, request.body, now()),
  );
  typed.get(
    '/api/v1/my-actions',
    { config: { access: 'meetings.read' }, schema: { tags, summary: 'Actions owned by the caller or by their organisation', querystring: MyActionsQuery, response: { 200: ActionList } } },
    async (request) => listMyActions(db(), requireActor(request), request.query.include ?? 'open', now()),
  );
  typed.get(
    '/api/v1/meeting-owners',
    { config: { access: 'meetings.manage' }, schema: { tags, summary: 'People and organisations that can own an action', response: { 200: OwnerOptions } } },
    async () => listOwnerOptions(db()),
  );
  typed.get(
    '/api/v1/meeting-link-options',
    { config: { access: 'meetings.manage' }, schema: { tags, summary: 'Programmes, goals and activities an agenda item can be linked to', querystring: LinkOptionsQuery, response: { 200: LinkOptions } } },
    async (request) => ({ items: await listProgrammeLinkOptions(db(), requireActor(request), request.query.municipality) }),
  );
}
