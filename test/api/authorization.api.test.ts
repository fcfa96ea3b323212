import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, ROLES, type Role } from '../../src/platform/shared/permissions.js';
import { approvePendingRoleGrants } from '../support/four-eyes.js';
import { createTestApp, type TestApp, type TestSession } from '../support/test-app.js';

/**
 * Roles × routes, table-driven. Every API route must appear here: a new route without a row fails the
 * first test, so nobody adds an endpoint without deciding who may call it.
 */
type Who = Role | 'anonymous';
const EVERYONE: Who[] = ['anonymous', ...ROLES];
const LOGGED_IN: Who[] = [...ROLES];
const ADMIN: Who[] = ['administrator'];
const SIGNAL_READERS: Who[] = ['programme_manager', 'analyst', 'partner', 'case_officer'];
const SIGNAL_WRITERS: Who[] = ['programme_manager', 'partner', 'case_officer'];
const EVALUATION_READERS: Who[] = ['programme_manager', 'analyst', 'finance'];
const EVALUATION_LEADS: Who[] = ['programme_manager', 'analyst'];

const TABLE: Record<string, Who[]> = {
  'GET /api/v1/health': EVERYONE,
  'GET /api/v1/ready': EVERYONE,
  'GET /api/v1/openapi.json': EVERYONE,
  'GET /api/v1/meta': EVERYONE,
  'POST /api/v1/session': EVERYONE,
  'GET /api/v1/session': LOGGED_IN,
  'DELETE /api/v1/session': LOGGED_IN,
  'POST /api/v1/session/totp': LOGGED_IN,
  // OIDC login: public by nature; 404 here, where it is not configured (test/api/oidc-login.api.test.ts).
  'GET /api/v1/session/oidc/start': EVERYONE,
  'GET /api/v1/session/oidc/callback': EVERYONE,
  'PATCH /api/v1/me': LOGGED_IN,
  // Everyone has a worklist; each module filters its part (src/modules/worklist).
  'GET /api/v1/me/worklist': LOGGED_IN,
  // Everyone's own notifications and settings (src/modules/notifications).
  'GET /api/v1/me/notifications': LOGGED_IN,
  'POST /api/v1/me/notifications/read': LOGGED_IN,
  'POST /api/v1/me/notifications/delete': LOGGED_IN,
  'GET /api/v1/me/notification-settings': LOGGED_IN,
  'PUT /api/v1/me/notification-settings': LOGGED_IN,
  'POST /api/v1/me/totp': LOGGED_IN,
  'POST /api/v1/me/totp/confirm': LOGGED_IN,
  'GET /api/v1/organisations': ['administrator', 'programme_manager', 'analyst', 'finance', 'partner', 'case_officer'],
  'POST /api/v1/organisations': ADMIN,
  'PATCH /api/v1/organisations/:id': ADMIN,
  'GET /api/v1/users': ADMIN,
  'POST /api/v1/users': ADMIN,
  'PATCH /api/v1/users/:id': ADMIN,
  // Four-eyes on case_officer and administrator: another administrator decides (the service checks who).
  'POST /api/v1/role-grants/:id/decision': ADMIN,
  'GET /api/v1/role-policies': ADMIN,
  'PUT /api/v1/role-policies/:role': ADMIN,
  'GET /api/v1/api-tokens': ADMIN,
  'POST /api/v1/api-tokens': ADMIN,
  'DELETE /api/v1/api-tokens/:id': ADMIN,
  'GET /api/v1/audit': ADMIN,
  'POST /api/v1/audit/verify': ADMIN,
  // Areas and figures: aggregate public statistics, every role reads and exports them.
  'GET /api/v1/areas': LOGGED_IN,
  'GET /api/v1/areas/:code': LOGGED_IN,
  'GET /api/v1/area-features': LOGGED_IN,
  'POST /api/v1/focus-areas': ['programme_manager', 'analyst'],
  'DELETE /api/v1/focus-areas/:code': ['programme_manager', 'analyst'],
  'GET /api/v1/indicators': LOGGED_IN,
  'POST /api/v1/indicators': ['analyst'],
  'GET /api/v1/imports': ['analyst'],
  'POST /api/v1/imports': ['analyst'],
  'GET /api/v1/indicators/:code/values': LOGGED_IN,
  'GET /api/v1/figure-years': LOGGED_IN,
  'GET /api/v1/areas/:code/profile': LOGGED_IN,
  'GET /api/v1/areas/:code/series': LOGGED_IN,
  'GET /api/v1/areas/:code/profile/export': LOGGED_IN,
  'POST /api/v1/rankings/preview': LOGGED_IN,
  'POST /api/v1/rankings': ['programme_manager', 'analyst'],
  'GET /api/v1/rankings': LOGGED_IN,
  'GET /api/v1/rankings/:id': LOGGED_IN,
  // Meetings: partners read what they take part in and update their own actions (the service checks).
  'GET /api/v1/meetings': ['administrator', 'programme_manager', 'analyst', 'finance', 'partner'],
  'POST /api/v1/meetings': ['programme_manager'],
  'GET /api/v1/meetings/:id': ['administrator', 'programme_manager', 'analyst', 'finance', 'partner'],
  'POST /api/v1/meetings/:id/close': ['programme_manager'],
  'POST /api/v1/meetings/:id/agenda-items': ['programme_manager'],
  'PATCH /api/v1/agenda-items/:id': ['programme_manager'],
  'POST /api/v1/agenda-items/:id/decisions': ['programme_manager'],
  // Whether residents see a decision on the public area pages: whoever manages meetings (docs/publicpages.md).
  'PUT /api/v1/decisions/:id/publication': ['programme_manager'],
  'POST /api/v1/meetings/:id/actions': ['programme_manager'],
  'PATCH /api/v1/meeting-actions/:id': ['administrator', 'programme_manager', 'analyst', 'finance', 'partner'],
  'GET /api/v1/my-actions': ['administrator', 'programme_manager', 'analyst', 'finance', 'partner'],
  'GET /api/v1/meeting-owners': ['programme_manager'],
  'GET /api/v1/meeting-link-options': ['programme_manager'],
  'GET /api/v1/direction': ['administrator', 'programme_manager'],
  'GET /api/v1/escalations': ['administrator', 'programme_manager'],
  'POST /api/v1/escalations': ['programme_manager'],
  'PATCH /api/v1/escalations/:id': ['programme_manager'],
  // Programmes: every role reads them (the council follows progress); partners see only their activities.
  'GET /api/v1/programmes': LOGGED_IN,
  'POST /api/v1/programmes': ['programme_manager'],
  'GET /api/v1/programmes/:id': LOGGED_IN,
  'PUT /api/v1/programmes/:id': ['programme_manager'],
  // Publishing a programme for residents: whoever edits it (docs/publicpages.md).
  'PUT /api/v1/programmes/:id/publication': ['programme_manager'],
  'GET /api/v1/programme-options': ['programme_manager'],
  'POST /api/v1/programmes/:id/goals': ['programme_manager'],
  'GET /api/v1/programmes/:id/goals/:goalId': LOGGED_IN,
  'PUT /api/v1/programmes/:id/goals/:goalId': ['programme_manager'],
  'DELETE /api/v1/programmes/:id/goals/:goalId': ['programme_manager'],
  'GET /api/v1/programmes/:id/activities': LOGGED_IN,
  'POST /api/v1/programmes/:id/activities': ['programme_manager'],
  'GET /api/v1/areas/:code/activities': LOGGED_IN,
  'GET /api/v1/activities/:id': LOGGED_IN,
  'PUT /api/v1/activities/:id': ['programme_manager'],
  'POST /api/v1/activities/:id/status': ['programme_manager', 'partner'],
  'POST /api/v1/activities/:id/progress': ['programme_manager', 'partner'],
  'POST /api/v1/activities/:id/milestones': ['programme_manager', 'partner'],
  'PUT /api/v1/activities/:id/milestones/:milestoneId': ['programme_manager', 'partner'],
  'GET /api/v1/plans': LOGGED_IN,
  'POST /api/v1/plans': ['programme_manager', 'analyst'],
  'GET /api/v1/plans/:id': LOGGED_IN,
  'PUT /api/v1/plans/:id': ['programme_manager', 'analyst'],
  'POST /api/v1/plans/:id/analysis': ['programme_manager', 'analyst'],
  'DELETE /api/v1/plans/:id/analysis/:itemId': ['programme_manager', 'analyst'],
  'POST /api/v1/plans/:id/priorities': ['programme_manager', 'analyst'],
  'PUT /api/v1/plans/:id/priorities/:itemId': ['programme_manager', 'analyst'],
  'PUT /api/v1/plans/:id/agenda': ['programme_manager', 'analyst'],
  // Finance (docs/finance.md): finance and programme roles; partners read only their own money.
  'GET /api/v1/funding-sources': ['programme_manager', 'finance', 'partner'],
  'POST /api/v1/funding-sources': ['finance'],
  'GET /api/v1/funding-sources/:id': ['programme_manager', 'finance', 'partner'],
  'PUT /api/v1/funding-sources/:id/tranches/:seq/receipt': ['finance'],
  'GET /api/v1/funding-sources/:id/accountability': ['programme_manager', 'finance'],
  'POST /api/v1/budget-lines': ['finance'],
  // A budget line proposed from the activity page: the programme manager proposes, finance decides (not the proposer).
  'POST /api/v1/budget-line-proposals': ['programme_manager'],
  'GET /api/v1/budget-line-proposals/pending': ['programme_manager', 'finance'],
  'POST /api/v1/budget-line-proposals/:id/decision': ['finance'],
  'GET /api/v1/programmes/:id/budget': ['programme_manager', 'finance', 'partner'],
  'GET /api/v1/activities/:id/budget': ['programme_manager', 'finance', 'partner'],
  'GET /api/v1/finance/programmes': ['programme_manager', 'finance', 'partner'],
  'POST /api/v1/finance-entries': ['programme_manager', 'finance'],
  'GET /api/v1/finance-entries/pending': ['programme_manager', 'finance'],
  'POST /api/v1/finance-entries/:id/decision': ['programme_manager', 'finance'],
  'POST /api/v1/finance-entries/:id/reversal': ['finance'],
  'PUT /api/v1/finance/settings': ['finance'],
  'GET /api/v1/finance/settings': ['programme_manager', 'finance'],
  'POST /api/v1/finance/settings/changes/:id/decision': ['programme_manager', 'finance'],
  'GET /api/v1/budget-proposals': ['programme_manager', 'finance', 'partner'],
  'POST /api/v1/budget-proposals': ['finance'],
  'GET /api/v1/budget-proposals/:id': ['programme_manager', 'finance', 'partner'],
  'GET /api/v1/budget-proposals/:id/export': ['programme_manager', 'finance'],
  // Signals: which records a permitted caller sees is need-to-know per record (src/modules/signals).
  'GET /api/v1/signal-categories': SIGNAL_READERS,
  'POST /api/v1/signals': SIGNAL_WRITERS,
  'GET /api/v1/signals': SIGNAL_READERS,
  'GET /api/v1/signals/counts': SIGNAL_READERS,
  'GET /api/v1/signals/export': SIGNAL_WRITERS,
  'GET /api/v1/signals/:id': SIGNAL_READERS,
  'POST /api/v1/signals/:id/retention': ['programme_manager', 'case_officer'],
  'GET /api/v1/signals/:id/identities': ['case_officer'],
  'POST /api/v1/signals/subject-export': ['case_officer'],
  'POST /api/v1/signal-imports': ['analyst', 'case_officer'],
  'GET /api/v1/signals/unusual-reads': ADMIN,
  'GET /api/v1/signal-cases': SIGNAL_READERS,
  'POST /api/v1/signal-cases': ['programme_manager', 'case_officer'],
  'GET /api/v1/signal-cases/:id': SIGNAL_READERS,
  'POST /api/v1/signal-cases/:id/signals': ['programme_manager', 'case_officer'],
  'POST /api/v1/signal-cases/:id/meetings': ['programme_manager', 'case_officer'],
  'POST /api/v1/signal-cases/:id/status': ['programme_manager', 'case_officer'],
  'PATCH /api/v1/signal-cases/:id/interventions/:interventionId': ['programme_manager', 'case_officer'],
  // Address search for placing a signal (404 here: not configured; test in src/modules/signals/server/address-search.api.test.ts).
  'GET /api/v1/address-suggestions': SIGNAL_WRITERS,
  'GET /api/v1/address-suggestions/:id': SIGNAL_WRITERS,
  // Hot spots: signal-based analyses only ever see what the caller may see (the signals module decides).
  'POST /api/v1/analyses/hotspots': ['programme_manager', 'analyst', 'partner'],
  'POST /api/v1/analyses/hotspots/saved': ['programme_manager', 'analyst', 'partner'],
  'GET /api/v1/analyses/hotspots/saved': ['programme_manager', 'analyst', 'partner'],
  'GET /api/v1/analyses/hotspots/saved/:id': ['programme_manager', 'analyst', 'partner'],
  // Reports (docs/reports.md): the programme manager takes snapshots and writes; administrators and finance read.
  'GET /api/v1/programmes/:id/report-snapshots': ['administrator', 'programme_manager', 'finance'],
  'POST /api/v1/programmes/:id/report-snapshots': ['programme_manager'],
  'GET /api/v1/report-snapshots/:id': ['administrator', 'programme_manager', 'finance'],
  'GET /api/v1/report-snapshots/:id/document': ['administrator', 'programme_manager', 'finance'],
  'GET /api/v1/report-snapshots/:id/file': ['administrator', 'programme_manager', 'finance'],
  'GET /api/v1/programmes/:id/council-letters': ['administrator', 'programme_manager', 'finance'],
  'POST /api/v1/programmes/:id/council-letters': ['programme_manager'],
  'GET /api/v1/council-letters/:id': ['administrator', 'programme_manager', 'finance'],
  'POST /api/v1/council-letters/:id/versions': ['programme_manager'],
  'GET /api/v1/council-letters/:id/document': ['administrator', 'programme_manager', 'finance'],
  'GET /api/v1/report-templates': ['administrator', 'programme_manager', 'finance'],
  'POST /api/v1/report-templates': ['administrator', 'programme_manager'],
  // A render is read only by the one who asked for it (the service answers 404 to anyone else).
  'POST /api/v1/report-renders': ['administrator', 'programme_manager', 'finance'],
  'GET /api/v1/report-renders/:id': ['administrator', 'programme_manager', 'finance'],
  'GET /api/v1/report-renders/:id/file': ['administrator', 'programme_manager', 'finance'],
  // The footer pages: read by anyone, also before login; written by the administrator (docs/site.md).
  'GET /api/v1/site-pages': EVERYONE,
  'GET /api/v1/site-pages/:slug': EVERYONE,
  'PUT /api/v1/site-pages/:slug': ADMIN,
  // The public area pages and their open data: anyone, without login (docs/publicpages.md).
  'GET /api/v1/public/areas': EVERYONE,
  'GET /api/v1/public/lessons': EVERYONE,
  'GET /api/v1/public/areas/:code': EVERYONE,
  'GET /api/v1/public/areas/:code/figures.json': EVERYONE,
  'GET /api/v1/public/areas/:code/figures.csv': EVERYONE,
  // The residents' newsletter (docs/newsletter.md): subscribing, confirming, unsubscribing and the archive are
  // public (no account); the programme manager drafts and sends.
  'GET /api/v1/public/newsletter/areas': EVERYONE,
  'POST /api/v1/public/newsletter/subscriptions': EVERYONE,
  'POST /api/v1/public/newsletter/confirmations': EVERYONE,
  'POST /api/v1/public/newsletter/unsubscribe/:token': EVERYONE,
  'GET /api/v1/public/newsletter/unsubscribe/:token': EVERYONE,
  'GET /api/v1/public/newsletters/areas/:areaCode': EVERYONE,
  'GET /api/v1/public/newsletters/:id': EVERYONE,
  'GET /api/v1/newsletter-drafts/:areaCode': ['programme_manager'],
  'POST /api/v1/newsletters': ['programme_manager'],
  // MKBA (docs/learning.md): the programme manager and the analyst build them; finance reads them.
  'GET /api/v1/mkbas': ['programme_manager', 'analyst', 'finance'],
  'POST /api/v1/mkbas': ['programme_manager', 'analyst'],
  'GET /api/v1/mkbas/:id': ['programme_manager', 'analyst', 'finance'],
  'PATCH /api/v1/mkbas/:id': ['programme_manager', 'analyst'],
  'DELETE /api/v1/mkbas/:id': ['programme_manager', 'analyst'],
  'GET /api/v1/mkbas/:id/result': ['programme_manager', 'analyst', 'finance'],
  'GET /api/v1/mkbas/:id/report.docx': ['programme_manager', 'analyst', 'finance'],
  'GET /api/v1/mkbas/:id/report.pdf': ['programme_manager', 'analyst', 'finance'],
  'POST /api/v1/mkbas/:id/alternatives': ['programme_manager', 'analyst'],
  'PATCH /api/v1/mkba-alternatives/:id': ['programme_manager', 'analyst'],
  'DELETE /api/v1/mkba-alternatives/:id': ['programme_manager', 'analyst'],
  'POST /api/v1/mkba-alternatives/:id/measures': ['programme_manager', 'analyst'],
  'PATCH /api/v1/mkba-measures/:id': ['programme_manager', 'analyst'],
  'DELETE /api/v1/mkba-measures/:id': ['programme_manager', 'analyst'],
  'POST /api/v1/mkba-alternatives/:id/lines': ['programme_manager', 'analyst'],
  'PATCH /api/v1/mkba-lines/:id': ['programme_manager', 'analyst'],
  'DELETE /api/v1/mkba-lines/:id': ['programme_manager', 'analyst'],
  'GET /api/v1/mkbas/:id/linkable-goals': ['programme_manager', 'analyst', 'finance'],
  'POST /api/v1/mkba-alternatives/:id/linked-benefits': ['programme_manager', 'analyst'],
  'PATCH /api/v1/mkba-linked-benefits/:id': ['programme_manager', 'analyst'],
  'DELETE /api/v1/mkba-linked-benefits/:id': ['programme_manager', 'analyst'],
  // Evaluations (docs/evaluation.md): within an evaluation the service decides further (lead, invited evaluator).
  'GET /api/v1/evaluation-frameworks': EVALUATION_READERS,
  'GET /api/v1/evaluations': EVALUATION_READERS,
  'POST /api/v1/evaluations': EVALUATION_LEADS,
  'GET /api/v1/evaluations/:id': EVALUATION_READERS,
  'GET /api/v1/evaluations/:id/candidates': EVALUATION_LEADS,
  'POST /api/v1/evaluations/:id/evaluators': EVALUATION_LEADS,
  'POST /api/v1/evaluations/:id/status': EVALUATION_LEADS,
  'POST /api/v1/evaluations/:id/submission': EVALUATION_READERS,
  'PUT /api/v1/evaluation-criteria/:id/my-score': EVALUATION_READERS,
  'PUT /api/v1/evaluation-criteria/:id/conclusion': EVALUATION_LEADS,
  'GET /api/v1/evaluations/:id/evidence-options': EVALUATION_READERS,
  'GET /api/v1/evaluations/:id/report.docx': EVALUATION_READERS,
  'GET /api/v1/evaluations/:id/report.pdf': EVALUATION_READERS,
  'POST /api/v1/evaluation-criteria/:id/evidence': EVALUATION_READERS,
  'DELETE /api/v1/evaluation-evidence/:id': EVALUATION_READERS,
  'POST /api/v1/evaluations/:id/factors': EVALUATION_LEADS,
  'DELETE /api/v1/evaluation-factors/:id': EVALUATION_LEADS,
  'POST /api/v1/evaluations/:id/adopted-factors': EVALUATION_LEADS,
  'GET /api/v1/evaluation-factors': EVALUATION_READERS,
  // Resident initiatives (docs/initiatives.md): residents submit, follow and read the per-area overview
  // without an account; the programme manager handles them, finance sets wijkbudgets and is a second person.
  'GET /api/v1/public/initiative-options': EVERYONE,
  'POST /api/v1/public/initiatives': EVERYONE,
  'GET /api/v1/public/initiatives/follow/:token': EVERYONE,
  'GET /api/v1/public/wijkbudgets/:areaCode': EVERYONE,
  'GET /api/v1/initiatives': ['programme_manager', 'finance'],
  'GET /api/v1/initiatives/:id': ['programme_manager', 'finance'],
  'GET /api/v1/initiatives/:id/contact': ['programme_manager'],
  'POST /api/v1/initiatives/:id/status': ['programme_manager'],
  'POST /api/v1/initiatives/:id/assessment': ['programme_manager'],
  'POST /api/v1/initiatives/:id/grant': ['programme_manager', 'finance'],
  'POST /api/v1/initiatives/:id/grant/decision': ['programme_manager', 'finance'],
  'GET /api/v1/wijkbudgets': ['programme_manager', 'finance'],
  'POST /api/v1/wijkbudgets': ['finance'],
  // The resident survey (docs/survey.md): the programme manager and the analyst run it; residents answer
  // without an account (the public routes below), so they are open to everyone.
  'GET /api/v1/surveys': ['programme_manager', 'analyst'],
  'POST /api/v1/surveys': ['programme_manager', 'analyst'],
  'GET /api/v1/surveys/:id': ['programme_manager', 'analyst'],
  'PATCH /api/v1/surveys/:id': ['programme_manager', 'analyst'],
  'POST /api/v1/surveys/:id/code-batches': ['programme_manager', 'analyst'],
  'GET /api/v1/surveys/:id/results': ['programme_manager', 'analyst'],
  'POST /api/v1/surveys/:id/figures': ['programme_manager', 'analyst'],
  'GET /api/v1/survey-forms/:id': EVERYONE,
  'POST /api/v1/survey-forms/:id/responses': EVERYONE,
  'POST /api/v1/survey-invitations/lookup': EVERYONE,
  'POST /api/v1/survey-invitations/responses': EVERYONE,
  // The learning circle (docs/circle.md): the programme manager shares, exports and imports; the analyst reads;
  // the administrator keeps this installation's identity and the members' keys.
  'GET /api/v1/circle': ['programme_manager', 'analyst'],
  'GET /api/v1/circle/received/:id': ['programme_manager', 'analyst'],
  'GET /api/v1/circle/lesson-search': ['programme_manager', 'analyst'],
  'GET /api/v1/circle/lessons': ['programme_manager', 'analyst'],
  'POST /api/v1/circle/lessons': ['programme_manager'],
  'PUT /api/v1/circle/lessons/:id': ['programme_manager'],
  'DELETE /api/v1/circle/lessons/:id': ['programme_manager'],
  'GET /api/v1/circle/meetings': ['programme_manager', 'analyst'],
  'POST /api/v1/circle/meetings': ['programme_manager'],
  'GET /api/v1/circle/meetings/:id': ['programme_manager', 'analyst'],
  'PUT /api/v1/circle/meetings/:id/parts/:part': ['programme_manager'],
  'GET /api/v1/circle/shares': ['programme_manager', 'analyst'],
  'PUT /api/v1/circle/shares': ['programme_manager'],
  'POST /api/v1/circle/exports': ['programme_manager'],
  'POST /api/v1/circle/imports': ['programme_manager'],
  'GET /api/v1/circle/benchmarks': ['programme_manager', 'analyst'],
  'GET /api/v1/circle/benchmarks/:indicator': ['programme_manager', 'analyst'],
  'GET /api/v1/circle/identity': ADMIN,
  'PUT /api/v1/circle/identity': ADMIN,
  'POST /api/v1/circle/identity/rotation': ADMIN,
  'GET /api/v1/circle/members': ADMIN,
  'POST /api/v1/circle/members': ADMIN,
  'DELETE /api/v1/circle/members/:id': ADMIN,
  'POST /api/v1/circle/members/:id/revocation': ADMIN,
  // Spatial-safety advice (docs/spatialadvice.md): manager and analyst run it; partners see the triggers of their
  // area scope and open and score only the scans they are invited to or own a condition of (the service decides,
  // 404 otherwise; an area scope narrows every role the same way); administrator and programme manager publish checklists.
  'GET /api/v1/spatial-advice/triggers': ['administrator', 'programme_manager', 'analyst', 'partner'],
  'POST /api/v1/spatial-advice/triggers': ['programme_manager', 'analyst'],
  'POST /api/v1/spatial-advice/triggers/from-hotspot': ['programme_manager', 'analyst'],
  'POST /api/v1/spatial-advice/triggers/check-plans': ['programme_manager', 'analyst'],
  'GET /api/v1/spatial-advice/triggers/:id': ['administrator', 'programme_manager', 'analyst', 'partner'],
  'POST /api/v1/spatial-advice/triggers/:id/dismiss': ['programme_manager', 'analyst'],
  'GET /api/v1/spatial-advice/templates': ['administrator', 'programme_manager', 'analyst', 'partner'],
  'GET /api/v1/spatial-advice/templates/:id': ['administrator', 'programme_manager', 'analyst', 'partner'],
  'POST /api/v1/spatial-advice/templates': ['administrator', 'programme_manager'],
  'GET /api/v1/spatial-advice/people': ['programme_manager', 'analyst'],
  'GET /api/v1/spatial-advice/scans/:id/people': ['programme_manager', 'analyst'],
  'GET /api/v1/spatial-advice/areas': ['programme_manager', 'analyst'],
  'POST /api/v1/spatial-advice/scans': ['programme_manager', 'analyst'],
  'GET /api/v1/spatial-advice/scans/:id': ['administrator', 'programme_manager', 'analyst', 'partner'],
  'POST /api/v1/spatial-advice/scans/:id/participants': ['programme_manager', 'analyst'],
  'PUT /api/v1/spatial-advice/scans/:id/items/:itemId/score': ['programme_manager', 'analyst', 'partner'],
  'POST /api/v1/spatial-advice/scans/:id/items/:itemId/photos': ['programme_manager', 'analyst', 'partner'],
  'GET /api/v1/spatial-advice/photos/:id': ['administrator', 'programme_manager', 'analyst', 'partner'],
  'POST /api/v1/spatial-advice/photos/:id/removal': ['administrator', 'programme_manager', 'analyst', 'partner'],
  'POST /api/v1/spatial-advice/scans/:id/advice': ['programme_manager', 'analyst'],
  'GET /api/v1/spatial-advice/scans/:id/document': ['administrator', 'programme_manager', 'analyst', 'partner'],
  'PATCH /api/v1/spatial-advice/conditions/:id': ['programme_manager', 'analyst', 'partner'],
};

const DEMO_USER: Record<Exclude<Role, 'viewer' | 'case_officer'>, string> = {
  administrator: 'beheerder',
  programme_manager: 'regisseur',
  analyst: 'analist',
  finance: 'financien',
  partner: 'politie',
};

let t: TestApp;
const sessions = new Map<Role, TestSession>();

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('beheerder');
  const organisations = await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { cookie: admin.cookie } });
  const gemeente = organisations.json().items.find((o: { kind: string }) => o.kind === 'gemeente');
  const viewer = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin.headers,
    payload: { username: 'wethouder', displayName: 'Demo Wethouder', password: 'correct horse battery', organisationId: gemeente.id, roles: ['viewer'] },
  });
  expect(viewer.statusCode).toBe(201);
  const caseOfficer = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin.headers,
    payload: { username: 'casus', displayName: 'Test Casusregisseur', password: 'correct horse battery', organisationId: gemeente.id, roles: ['case_officer'] },
  });
  expect(caseOfficer.statusCode).toBe(201);
  // case_officer through the API waits for a second administrator (docs/adr/0007).
  await approvePendingRoleGrants(t, caseOfficer.json().id);
  for (const role of ROLES) {
    if (role === 'viewer') sessions.set(role, await t.login('wethouder', 'correct horse battery'));
    else if (role === 'case_officer') sessions.set(role, await t.login('casus', 'correct horse battery'));
    else sessions.set(role, await t.login(DEMO_USER[role]));
  }
});
afterAll(() => t.close());

const concrete = (url: string) =>
  url.replace(':id', '00000000-0000-4000-8000-000000000000').replace(':interventionId', '00000000-0000-4000-8000-000000000001').replace(':role', 'viewer').replace(':slug', 'privacy').replace(':part', 'thema').replace(':indicator', 'geen_indicator');

describe('authorization matrix', () => {
  it('has a row for every API route, and no row for a route that does not exist', () => {
    const routes = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(routes).toEqual(Object.keys(TABLE).sort());
  });

  const cases = Object.entries(TABLE)
    .filter(([route]) => route !== 'DELETE /api/v1/session')
    .flatMap(([route, allowed]) => EVERYONE.map((who) => ({ route, who, allowed: allowed.includes(who) })));

  it.each(cases)('$route as $who → allowed: $allowed', async ({ route, who, allowed }) => {
    const [method, url] = route.split(' ') as [string, string];
    const session = who === 'anonymous' ? undefined : sessions.get(who);
    // No body: a permitted call fails validation (422) or finds nothing (404) and so changes nothing;
    // a refused one is stopped before validation.
    const response = await t.app.inject({ method: method as 'GET', url: concrete(url), headers: session ? session.headers : {} });
    if (allowed) {
      expect([401, 403]).not.toContain(response.statusCode);
      expect(response.statusCode).toBeLessThan(500);
    } else {
      expect(response.statusCode).toBe(who === 'anonymous' ? 401 : 403);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('gives the money rows of the Regie dashboard only to roles that may read finance', async () => {
    for (const role of TABLE['GET /api/v1/direction'] ?? []) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/direction', headers: sessions.get(role as Role)?.headers ?? {} });
      expect(response.statusCode).toBe(200);
      expect(response.json().money === null, role).toBe(!hasPermission([role], 'finance.read'));
    }
  });

  it('lets every role log out, and nobody anonymous', async () => {
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/session' })).statusCode).toBe(401);
    for (const role of ROLES) {
      const session = sessions.get(role);
      const response = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: session?.headers ?? {} });
      expect(response.statusCode).toBe(204);
    }
  });
});
