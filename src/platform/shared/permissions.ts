/**
 * Roles and what they may do, as data (deny by default: a permission not listed for a role is refused).
 * Route access is declared per route (`config.access`) and checked in one place (server/auth/plugin.ts).
 * Shared with the web app, which uses it only to hide what a user cannot do; the server decides.
 * Modules add their permissions here as they land, so the whole matrix stays readable in one file.
 */

// case_officer (casusregisseur): the narrow role that may see who is behind a pseudonym (docs/signals.md).
export const ROLES = ['administrator', 'programme_manager', 'analyst', 'finance', 'partner', 'viewer', 'case_officer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'users.manage',
  'organisations.manage',
  'organisations.read',
  'api_tokens.manage',
  'audit.read',
  'audit.verify',
  'areas.read',
  'focus_areas.manage',
  'indicators.read',
  'indicators.export',
  'indicators.manage',
  'imports.run',
  'rankings.manage',
  'programmes.read',
  'programmes.manage',
  'activities.update',
  'plans.manage',
  'meetings.read',
  'meetings.manage',
  'direction.read',
  'escalations.manage',
  'finance.read',
  'finance.manage',
  'finance.propose',
  'finance.spend',
  'finance.approve',
  'finance.export',
  'signals.read',
  'signals.create',
  'signals.export',
  'signals.import',
  'signal_cases.manage',
  'signal_retention.extend',
  'signal_identities.read',
  'signals.subject_export',
  'hotspots.run',
  'reports.read',
  'reports.manage',
  'report_templates.manage',
  'site.manage',
  'mkba.read',
  'mkba.manage',
  'evaluation.read',
  'evaluation.manage',
  'initiatives.read',
  'initiatives.assess',
  'initiatives.grant',
  'initiatives.contacts',
  'wijkbudgets.manage',
  'survey.manage',
  'newsletter.manage',
  'circle.read',
  'circle.manage',
  'circle.members',
  'spatialadvice.read',
  'spatialadvice.manage',
  'spatialadvice.score',
  'spatialadvice.templates',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Area figures are aggregate public statistics: every role may read and export them.
const FIGURES: Permission[] = ['areas.read', 'indicators.read', 'indicators.export'];
// Programmes, goals and their progress are read by every role (the council follows progress); which
// activities a partner sees is narrowed per organisation in the programmes module.
const PROGRAMMES: Permission[] = ['programmes.read'];
// Meetings: partners read only the meetings they take part in and update only their own actions (the
// meetings service decides); the programme manager runs meetings, the direction dashboard and escalations.
const MEETINGS_READ: Permission[] = ['meetings.read'];
const DIRECTION: Permission[] = ['meetings.read', 'meetings.manage', 'direction.read', 'escalations.manage'];

// Signals: which signals a holder of signals.read sees is decided per record (need-to-know, docs/signals.md).
const SIGNALS_PARTNER: Permission[] = ['signals.read', 'signals.create', 'signals.export'];

// Reports (docs/reports.md): the programme manager takes snapshots and writes the council letter; the
// administrators (wethouder) and finance read them. A snapshot holds the whole programme (all activities,
// money per source, meetings), so partners, analysts and the council's viewer role do not get it here.
const REPORTS_READ: Permission[] = ['reports.read'];

// MKBA (docs/learning.md): the programme manager and the analyst build them; finance reads them too.
const MKBA: Permission[] = ['mkba.read', 'mkba.manage'];

// Evaluations (docs/evaluation.md): the programme manager and the analyst lead them; finance reads them and
// may be invited to score. Who scores is decided per evaluation (invited evaluators score only their own rows).
const EVALUATION: Permission[] = ['evaluation.read', 'evaluation.manage'];

// The resident survey (docs/survey.md): define it, make invitation codes, read results and open answers,
// publish the figures. Open answers are free text from residents, so not for every role.
const SURVEY: Permission[] = ['survey.manage'];

// Resident initiatives (docs/initiatives.md): the programme manager handles them (assesses, grants, may contact
// the resident); finance sets the wijkbudgets and is the usual second person for a grant above the threshold.
const INITIATIVES_HANDLE: Permission[] = ['initiatives.read', 'initiatives.assess', 'initiatives.grant', 'initiatives.contacts'];
const INITIATIVES_FINANCE: Permission[] = ['initiatives.read', 'initiatives.grant', 'wijkbudgets.manage'];
// The residents' newsletter (docs/newsletter.md): the programme manager drafts and sends it for the area.
// The learning circle (docs/circle.md): the programme manager shares, exports and imports; the analyst reads;
// the administrator holds the trust list (members' keys) and this installation's identity.
const CIRCLE: Permission[] = ['circle.read', 'circle.manage'];

// Spatial-safety advice (docs/spatialadvice.md): the programme manager and the analyst raise triggers, run
// scans and sign advices; partners (police, housing corporation, social work) read them and score the scans
// they are invited to (the service checks the invitation); the administrator and the programme manager
// publish checklist versions.
const SPATIAL_ADVICE: Permission[] = ['spatialadvice.read', 'spatialadvice.manage', 'spatialadvice.score'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // site.manage: the footer pages (privacy, accessibility, contact; docs/site.md) speak for the municipality.
  administrator: ['site.manage', 'users.manage', 'organisations.manage', 'organisations.read', 'api_tokens.manage', 'audit.read', 'audit.verify', ...FIGURES, ...PROGRAMMES, ...MEETINGS_READ, 'direction.read', ...REPORTS_READ, 'report_templates.manage', 'circle.members', 'spatialadvice.read', 'spatialadvice.templates'],
  programme_manager: ['organisations.read', ...FIGURES, 'focus_areas.manage', 'rankings.manage', ...PROGRAMMES, 'programmes.manage', 'activities.update', 'plans.manage', ...DIRECTION, 'finance.read', 'finance.propose', 'finance.spend', 'finance.approve', 'finance.export', ...SIGNALS_PARTNER, 'signal_cases.manage', 'signal_retention.extend', 'hotspots.run', ...REPORTS_READ, 'reports.manage', 'report_templates.manage', ...MKBA, ...EVALUATION, ...INITIATIVES_HANDLE, ...SURVEY, 'newsletter.manage', ...CIRCLE, ...SPATIAL_ADVICE, 'spatialadvice.templates'],
  analyst: ['organisations.read', ...FIGURES, 'focus_areas.manage', 'rankings.manage', 'indicators.manage', 'imports.run', ...PROGRAMMES, 'plans.manage', ...MEETINGS_READ, 'signals.read', 'signals.import', 'hotspots.run', ...MKBA, ...EVALUATION, ...SURVEY, 'circle.read', ...SPATIAL_ADVICE],
  finance: ['organisations.read', ...FIGURES, ...PROGRAMMES, ...MEETINGS_READ, 'finance.read', 'finance.manage', 'finance.spend', 'finance.approve', 'finance.export', ...REPORTS_READ, 'mkba.read', 'evaluation.read', ...INITIATIVES_FINANCE],
  // A partner reads only the funding sources and lines financed with its own money (finance service).
  partner: ['organisations.read', ...FIGURES, ...PROGRAMMES, 'activities.update', ...MEETINGS_READ, 'finance.read', ...SIGNALS_PARTNER, 'hotspots.run', 'spatialadvice.read', 'spatialadvice.score'],
  viewer: [...FIGURES, ...PROGRAMMES],
  case_officer: ['organisations.read', ...FIGURES, ...PROGRAMMES, ...SIGNALS_PARTNER, 'signals.import', 'signal_cases.manage', 'signal_retention.extend', 'signal_identities.read', 'signals.subject_export'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const result = new Set<Permission>();
  for (const role of roles) {
    if (!isRole(role)) continue;
    for (const permission of ROLE_PERMISSIONS[role]) result.add(permission);
  }
  return result;
}

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return permissionsOf(roles).has(permission);
}

/** What a route requires: nothing, a logged-in user, or one permission. */
export type Access = 'public' | 'authenticated' | Permission;
