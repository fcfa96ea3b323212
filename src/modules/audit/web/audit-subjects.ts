import type { i18n as I18n } from 'i18next';

/**
 * Every subject type the server writes to the audit log, each with a name in nl and en under
 * audit:subjects, so the audit page shows "Signaal" rather than `signal` (issue 13, item 8).
 * audit-subjects.test.ts checks the list against the server's withAudit and auditRead calls.
 */
export const AUDIT_SUBJECT_TYPES = [
  'activity',
  'api_token',
  'area',
  'audit_log',
  'budget_line',
  'budget_line_proposal',
  'budget_proposal',
  'circle_bundle',
  'circle_identity',
  'circle_lesson',
  'circle_meeting',
  'circle_member',
  'circle_received_item',
  'circle_share',
  'council_letter',
  'database',
  'escalation',
  'evaluation',
  'evaluation_criterion',
  'evaluation_evidence',
  'evaluation_factor',
  'finance_entry',
  'finance_setting_change',
  'funding_source',
  'hotspot_analysis',
  'import',
  'indicator',
  'indicator_catalogue',
  'initiative',
  'meeting',
  'meeting_action',
  'mkba',
  'mkba_alternative',
  'mkba_line',
  'mkba_linked_benefit',
  'mkba_measure',
  'neighbourhood_plan',
  'notification',
  'operational_goal',
  'organisation',
  'priority_ranking',
  'programme',
  'pseudonym',
  'report_snapshot',
  'report_template',
  'role',
  'signal',
  'signal_case',
  'signal_import',
  'newsletter',
  'newsletter_subscriber',
  'site_page',
  'spatial_condition',
  'spatial_scan',
  'spatial_template',
  'spatial_trigger',
  'survey',
  'user',
  'wijkbudget',
] as const;

/** The name of a subject type, or "Ander onderwerp (type)" for one without a name (a newer server, an old row). */
export function auditSubjectLabel(i18n: Pick<I18n, 't' | 'exists'>, type: string): string {
  const key = `audit:subjects.${type}`;
  return i18n.exists(key) ? i18n.t(key) : i18n.t('audit:auditLog.unknownSubject', { type });
}
