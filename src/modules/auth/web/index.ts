import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** The auth module's administration pages. They load on first visit, so the login page stays light. */
export const authWebModule: WebModule = {
  namespace: 'auth',
  translations: { nl, en },
  routes: [
    { path: '/admin/users', permission: 'users.manage', Component: lazy(() => import('./UsersPage/UsersPage')) },
    { path: '/admin/users/:id', permission: 'users.manage', Component: lazy(() => import('./UserDetailPage/UserDetailPage')) },
    { path: '/admin/organisations', permission: 'organisations.manage', Component: lazy(() => import('./OrganisationsPage/OrganisationsPage')) },
    { path: '/admin/role-policies', permission: 'users.manage', Component: lazy(() => import('./RolePoliciesPage/RolePoliciesPage')) },
    { path: '/admin/api-tokens', permission: 'api_tokens.manage', Component: lazy(() => import('./ApiTokensPage/ApiTokensPage')) },
  ],
  nav: [
    { to: '/admin/users', group: 'admin', labelKey: 'auth:nav.users', descriptionKey: 'auth:nav.usersDescription', permission: 'users.manage' },
    { to: '/admin/organisations', group: 'admin', labelKey: 'auth:nav.organisations', descriptionKey: 'auth:nav.organisationsDescription', permission: 'organisations.manage' },
    { to: '/admin/role-policies', group: 'admin', labelKey: 'auth:nav.rolePolicies', descriptionKey: 'auth:nav.rolePoliciesDescription', permission: 'users.manage' },
    { to: '/admin/api-tokens', group: 'admin', labelKey: 'auth:nav.apiTokens', descriptionKey: 'auth:nav.apiTokensDescription', permission: 'api_tokens.manage' },
  ],
};
