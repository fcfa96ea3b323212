import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import {
  ActivityDetail,
  ActivityInput,
  ActivityList,
  AreaActivitiesParams,
  IdParams,
  MilestoneInput,
  MilestoneParams,
  MilestoneReachedInput,
  ProgressInput,
  StatusChangeInput,
  TimelineQuery,
} from '../contract.js';
import { addMilestone, changeActivityStatus, createActivity, getActivity, listAreaActivities, listProgrammeActivities, markMilestone, reportProgress, updateActivity } from './activities.service.js';

/** Activities: planning, workflow, milestones and progress. Thin: validate → authorize → service. */
export async function activitiesRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const now = () => app.ctx.clock();
  const tags = ['activities'];

  typed.get(
    '/api/v1/programmes/:id/activities',
    { config: { access: 'programmes.read' }, schema: { tags, summary: 'Activities of a programme the caller may see (partners: their own); optionally in one area', params: IdParams, querystring: TimelineQuery, response: { 200: ActivityList } } },
    async (request) => ({ items: await listProgrammeActivities(db(), requireActor(request), request.params.id, { area: request.query.area }, now()) }),
  );
  typed.post(
    '/api/v1/programmes/:id/activities',
    { config: { access: 'programmes.manage' }, schema: { tags, summary: 'Add an activity (status idea)', params: IdParams, body: ActivityInput, response: { 201: ActivityDetail } } },
    async (request, reply) => reply.code(201).send(await createActivity(db(), requireActor(request), request.params.id, request.body, { now: now() })),
  );
  typed.get(
    '/api/v1/areas/:code/activities',
    { config: { access: 'programmes.read' }, schema: { tags, summary: 'Activities in an area (and, for a focus area, its members) across programmes', params: AreaActivitiesParams, response: { 200: ActivityList } } },
    async (request) => ({ items: await listAreaActivities(db(), requireActor(request), request.params.code, now()) }),
  );
  typed.get(
    '/api/v1/activities/:id',
    { config: { access: 'programmes.read' }, schema: { tags, summary: 'One activity with milestones, progress updates and status history', params: IdParams, response: { 200: ActivityDetail } } },
    async (request) => getActivity(db(), requireActor(request), request.params.id, now()),
  );
  typed.put(
    '/api/v1/activities/:id',
    { config: { access: 'programmes.manage' }, schema: { tags, summary: 'Edit the plan of an activity; listed milestones are added', params: IdParams, body: ActivityInput, response: { 200: ActivityDetail } } },
    async (request) => updateActivity(db(), requireActor(request), request.params.id, request.body),
  );
  typed.post(
    '/api/v1/activities/:id/status',
    { config: { access: 'activities.update' }, schema: { tags, summary: 'Move an activity through the workflow (409 when the transition is not allowed)', params: IdParams, body: StatusChangeInput, response: { 200: ActivityDetail } } },
    async (request) => changeActivityStatus(db(), requireActor(request), request.params.id, request.body.status, request.body.note, now()),
  );
  typed.post(
    '/api/v1/activities/:id/progress',
    { config: { access: 'activities.update' }, schema: { tags, summary: 'Report progress (percentage and narrative)', params: IdParams, body: ProgressInput, response: { 201: ActivityDetail } } },
    async (request, reply) => reply.code(201).send(await reportProgress(db(), requireActor(request), request.params.id, request.body, now())),
  );
  typed.post(
    '/api/v1/activities/:id/milestones',
    { config: { access: 'activities.update' }, schema: { tags, summary: 'Add a milestone', params: IdParams, body: MilestoneInput, response: { 201: ActivityDetail } } },
    async (request, reply) => reply.code(201).send(await addMilestone(db(), requireActor(request), request.params.id, request.body)),
  );
  typed.put(
    '/api/v1/activities/:id/milestones/:milestoneId',
    { config: { access: 'activities.update' }, schema: { tags, summary: 'Mark a milestone reached (or not)', params: MilestoneParams, body: MilestoneReachedInput, response: { 200: ActivityDetail } } },
    async (request) => markMilestone(db(), requireActor(request), request.params.id, request.params.milestoneId, request.body.reachedOn),
  );
}
