import type { Actor } from '../../../platform/server/index.js';

/**
 * Whom the public pages read as when they call the indicators and finance modules: a reader that exists only
 * in memory, never logs in and never writes. Role `finance` because finance shows a programme's money whole
 * only to a full finance reader (partners see their own sources); no area limit. Everything it reads is then
 * narrowed here to what residents see: published programmes only, aggregate figures, money per pillar.
 */
export const PUBLIC_READER: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'public-pages',
  displayName: 'public pages',
  organisationId: '00000000-0000-0000-0000-000000000000',
  organisationName: '',
  organisationKind: '',
  roles: ['finance'],
  areaScopes: [],
  locale: 'nl',
  totpEnabled: false,
  via: 'token',
};
