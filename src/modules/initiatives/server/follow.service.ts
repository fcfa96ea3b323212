import type { Kysely } from 'kysely';
import { notFound, sha256Hex, type Database } from '../../../platform/server/index.js';
import type { FollowView } from '../contract.js';
import { cents, initiativesDb } from './initiatives.tables.js';
import { findHistory, findInitiativeByTokenHash } from './initiatives.queries.js';

/**
 * The resident's view by the private link: status history with reasons and the role and organisation that
 * decided — never the official's name, never contact details. A wrong token is 404, as an unknown page.
 */
export async function followInitiative(db: Kysely<Database>, token: string): Promise<FollowView> {
  const idb = initiativesDb(db);
  const row = await findInitiativeByTokenHash(idb, sha256Hex(token));
  if (!row) throw notFound('Initiative', 'initiatives.not_found');
  const history = await findHistory(idb, row.id);
  return {
    title: row.title,
    areaName: row.area_name,
    goalName: row.goal_name,
    costCents: cents(row.cost_cents),
    status: row.status,
    grantedCents: row.granted_cents === null ? null : cents(row.granted_cents),
    submittedAt: row.submitted_at.toISOString(),
    history: history.map((h) => ({ status: h.to_status, reason: h.reason, role: h.decided_role, organisation: h.decided_organisation, at: h.decided_at.toISOString() })),
  };
}
