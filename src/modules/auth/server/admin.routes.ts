import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, type AppContext } from '../../../platform/server/index.js';
import {
  ApiTokenList,
  CreateApiToken,
  CreatedApiToken,
  CreateOrganisation,
  CreateUser,
  IdParams,
  Organisation,
  OrganisationList,
  RoleParams,
  RolePolicy,
  RoleGrantDecision,
  RolePolicyList,
  UpdateOrganisation,
  UpdateRolePolicy,
  UpdateUser,
  User,
  UserList,
} from '../contract.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.js';
import { createOrganisation, listOrganisations, updateOrganisation } from './organisations.service.js';
import { listRolePolicies, setRoleMfaRequired } from './role-policies.service.js';
import { decideRoleGrant } from './role-grants.service.js';
import { createUser, listUsers, loadUser, updateUser } from './users.service.js';

/** Administration of organisations, users, role policies and API tokens. Thin: validate → authorize → service. */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const ctx: AppContext = app.ctx;
  const db = () => ctx.database.db;

  typed.get(
    '/api/v1/organisations',
    { config: { access: 'organisations.read' }, schema: { tags: ['organisations'], summary: 'Partner organisations', response: { 200: OrganisationList } } },
    async () => ({ items: await listOrganisations(db()) }),
  );
  typed.post(
    '/api/v1/organisations',
    { config: { access: 'organisations.manage' }, schema: { tags: ['organisations'], summary: 'Add a partner organisation', body: CreateOrganisation, response: { 201: Organisation } } },
    async (request, reply) => reply.code(201).send(await createOrganisation(db(), requireActor(request), request.body)),
  );
  typed.patch(
    '/api/v1/organisations/:id',
    {
      config: { access: 'organisations.manage' },
      schema: { tags: ['organisations'], summary: 'Rename, re-kind, disable or enable an organisation', params: IdParams, body: UpdateOrganisation, response: { 200: Organisation } },
    },
    async (request) => updateOrganisation(db(), requireActor(request), request.params.id, request.body),
  );

  typed.get(
    '/api/v1/users',
    { config: { access: 'users.manage' }, schema: { tags: ['users'], summary: 'Users with roles and area scopes', response: { 200: UserList } } },
    async () => ({ items: await listUsers(db()) }),
  );
  typed.post(
    '/api/v1/users',
    { config: { access: 'users.manage' }, schema: { tags: ['users'], summary: 'Create a user; a four-eyes role (case_officer, administrator) waits for a second administrator', body: CreateUser, response: { 201: User } } },
    async (request, reply) => reply.code(201).send(await createUser(db(), requireActor(request), request.body)),
  );
  typed.patch(
    '/api/v1/users/:id',
    {
      config: { access: 'users.manage' },
      schema: { tags: ['users'], summary: 'Change, disable or enable a user; disabling ends their sessions and revokes their tokens at once; not one\'s own roles; an added four-eyes role waits for a second administrator', params: IdParams, body: UpdateUser, response: { 200: User } },
    },
    async (request) => updateUser(db(), requireActor(request), request.params.id, request.body),
  );

  typed.post(
    '/api/v1/role-grants/:id/decision',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Approve or reject a pending grant of a four-eyes role (case_officer, administrator); not by the administrator who asked, nor by the user it is for',
        params: IdParams,
        body: RoleGrantDecision,
        response: { 200: User },
      },
    },
    async (request) => decideRoleGrant(db(), requireActor(request), request.params.id, request.body, loadUser),
  );

  typed.get(
    '/api/v1/role-policies',
    { config: { access: 'users.manage' }, schema: { tags: ['users'], summary: 'Whether each role requires MFA', response: { 200: RolePolicyList } } },
    async () => ({ items: await listRolePolicies(db()) }),
  );
  typed.put(
    '/api/v1/role-policies/:role',
    {
      config: { access: 'users.manage' },
      schema: { tags: ['users'], summary: 'Require (or stop requiring) TOTP MFA for a role', params: RoleParams, body: UpdateRolePolicy, response: { 200: RolePolicy } },
    },
    async (request) => setRoleMfaRequired(db(), requireActor(request), request.params.role, request.body.mfaRequired),
  );

  typed.get(
    '/api/v1/api-tokens',
    { config: { access: 'api_tokens.manage' }, schema: { tags: ['api-tokens'], summary: 'API tokens (values are never shown again)', response: { 200: ApiTokenList } } },
    async () => ({ items: await listApiTokens(db()) }),
  );
  typed.post(
    '/api/v1/api-tokens',
    {
      config: { access: 'api_tokens.manage' },
      schema: { tags: ['api-tokens'], summary: 'Create an API token for yourself, from a session; the value is in this answer only; it never reads identities', body: CreateApiToken, response: { 201: CreatedApiToken } },
    },
    async (request, reply) => reply.code(201).send(await createApiToken(db(), requireActor(request), request.body, ctx.clock())),
  );
  typed.delete(
    '/api/v1/api-tokens/:id',
    { config: { access: 'api_tokens.manage' }, schema: { tags: ['api-tokens'], summary: 'Revoke an API token', params: IdParams } },
    async (request, reply) => {
      await revokeApiToken(db(), requireActor(request), request.params.id, ctx.clock());
      return reply.code(204).send();
    },
  );
}
