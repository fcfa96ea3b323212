import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/server/index.js';
import {
  Assessment,
  ContactView,
  CreateWijkbudget,
  FollowParams,
  FollowView,
  GrantDecision,
  GrantInput,
  IdParams,
  InitiativeDetail,
  InitiativeList,
  InitiativeOptions,
  ListQuery,
  OverviewParams,
  OverviewQuery,
  StatusChange,
  SubmitInitiative,
  Submitted,
  WijkbudgetList,
  WijkbudgetOverview,
  WijkbudgetSummary,
} from '../contract.js';
import { followInitiative } from './follow.service.js';
import { decideGrant, grantInitiative } from './grant.service.js';
import { initiativeOptions } from './area-options.service.js';
import { getInitiative, listInitiatives, readContact } from './read.service.js';
import { submitInitiative } from './submit.service.js';
import { createWijkbudget, listWijkbudgets, wijkbudgetOverview, yearOf } from './wijkbudget.service.js';
import { assessInitiative, changeStatus } from './workflow.service.js';

/** Per IP (the caller is anonymous): a resident submits a few initiatives, not dozens an hour. */
const SUBMITS_PER_HOUR = 20;
const FOLLOW_READS_PER_MINUTE = 60;

/** Resident initiatives and the wijkbudget (docs/initiatives.md): public submit, follow and overview; the municipality's workflow. */
export async function initiativesRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const now = () => app.ctx.clock();
  const tags = ['initiatives'];

  // ---- public: no account ----
  typed.get(
    '/api/v1/public/initiative-options',
    { config: { access: 'public' }, schema: { tags, summary: 'The buurten and wijken a resident may choose, each with the goals of its programme', response: { 200: InitiativeOptions } } },
    async () => initiativeOptions(db(), yearOf(now())),
  );
  typed.post(
    '/api/v1/public/initiatives',
    {
      config: { access: 'public', rateLimit: { max: SUBMITS_PER_HOUR, timeWindow: 3_600_000 } },
      schema: { tags, summary: 'Submit a resident initiative (no account); answers the private follow link once', body: SubmitInitiative, response: { 201: Submitted } },
    },
    async (request, reply) => {
      reply.code(201);
      return submitInitiative(db(), request.body, now());
    },
  );
  typed.get(
    '/api/v1/public/initiatives/follow/:token',
    { config: { access: 'public', rateLimit: { max: FOLLOW_READS_PER_MINUTE, timeWindow: 60_000 } }, schema: { tags, summary: 'An initiative by its private follow link: status history with reasons (404 for a wrong token)', params: FollowParams, response: { 200: FollowView } } },
    async (request) => followInitiative(db(), request.params.token),
  );
  typed.get(
    '/api/v1/public/wijkbudgets/:areaCode',
    { config: { access: 'public' }, schema: { tags, summary: 'Where the wijkbudget of an area went this year (or ?year=): per goal and per granted initiative', params: OverviewParams, querystring: OverviewQuery, response: { 200: WijkbudgetOverview } } },
    async (request) => wijkbudgetOverview(db(), request.params.areaCode, request.query.year ?? yearOf(now())),
  );

  // ---- the municipality ----
  typed.get(
    '/api/v1/initiatives',
    { config: { access: 'initiatives.read' }, schema: { tags, summary: 'Initiatives, newest first, by status and area (buurt, wijk or focus area)', querystring: ListQuery, response: { 200: InitiativeList } } },
    async (request) => listInitiatives(db(), request.query),
  );
  typed.get(
    '/api/v1/initiatives/:id',
    { config: { access: 'initiatives.read' }, schema: { tags, summary: 'One initiative: history, rubric, budget check, waiting grant and the caller\'s next steps', params: IdParams, response: { 200: InitiativeDetail } } },
    async (request) => getInitiative(db(), requireActor(request), request.params.id, now()),
  );
  typed.get(
    '/api/v1/initiatives/:id/contact',
    { config: { access: 'initiatives.contacts' }, schema: { tags, summary: 'The resident\'s contact details (personal data; every read audited), null once removed', params: IdParams, response: { 200: ContactView } } },
    async (request) => readContact(db(), requireActor(request), request.params.id, now()),
  );
  typed.post(
    '/api/v1/initiatives/:id/status',
    { config: { access: 'initiatives.assess' }, schema: { tags, summary: 'A step of the workflow with its reason (422 for a step not allowed from here)', params: IdParams, body: StatusChange, response: { 200: InitiativeDetail } } },
    async (request) => {
      const actor = requireActor(request);
      await changeStatus(db(), actor, request.params.id, request.body, now());
      return getInitiative(db(), actor, request.params.id, now());
    },
  );
  typed.post(
    '/api/v1/initiatives/:id/assessment',
    { config: { access: 'initiatives.assess' }, schema: { tags, summary: 'Score the rubric and move ontvankelijk → beoordeeld', params: IdParams, body: Assessment, response: { 200: InitiativeDetail } } },
    async (request) => {
      const actor = requireActor(request);
      await assessInitiative(db(), actor, request.params.id, request.body, now());
      return getInitiative(db(), actor, request.params.id, now());
    },
  );
  typed.post(
    '/api/v1/initiatives/:id/grant',
    { config: { access: 'initiatives.grant' }, schema: { tags, summary: 'Grant from the area\'s wijkbudget (never over what is left); above the threshold it waits for a second person', params: IdParams, body: GrantInput, response: { 200: InitiativeDetail.extend({ outcome: z.enum(['granted', 'waiting_for_second_person']) }) } } },
    async (request) => {
      const actor = requireActor(request);
      const { outcome } = await grantInitiative(db(), actor, request.params.id, request.body, now());
      return { ...(await getInitiative(db(), actor, request.params.id, now())), outcome };
    },
  );
  typed.post(
    '/api/v1/initiatives/:id/grant/decision',
    { config: { access: 'initiatives.grant' }, schema: { tags, summary: 'Approve or reject a waiting grant (four eyes: not its proposer)', params: IdParams, body: GrantDecision, response: { 200: InitiativeDetail.extend({ outcome: z.enum(['granted', 'waiting_for_second_person', 'rejected']) }) } } },
    async (request) => {
      const actor = requireActor(request);
      const { outcome } = await decideGrant(db(), actor, request.params.id, request.body, now());
      return { ...(await getInitiative(db(), actor, request.params.id, now())), outcome };
    },
  );
  typed.get(
    '/api/v1/wijkbudgets',
    { config: { access: 'initiatives.read' }, schema: { tags, summary: 'Every wijkbudget with what is granted and left', response: { 200: WijkbudgetList } } },
    async () => listWijkbudgets(db()),
  );
  typed.post(
    '/api/v1/wijkbudgets',
    { config: { access: 'wijkbudgets.manage' }, schema: { tags, summary: 'Set the wijkbudget of an area for a year (a funding source in finance); one per area and year', body: CreateWijkbudget, response: { 201: WijkbudgetSummary } } },
    async (request, reply) => {
      reply.code(201);
      return createWijkbudget(db(), requireActor(request), request.body, now());
    },
  );
}
