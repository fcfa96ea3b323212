import type { Kysely } from 'kysely';
import { verifyAuditChain, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import { AuditQuery, type AuditList, type AuditVerifyResponse } from '../contract.js';
import { findAuditEntries } from './audit.queries.js';

export async function listAuditEntries(db: Kysely<Database>, input: AuditQuery): Promise<AuditList> {
  const filter = AuditQuery.parse(input);
  const rows = await findAuditEntries(db, filter);
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map((row) => ({
      id: String(row.id),
      at: new Date(row.at).toISOString(),
      actorUserId: row.actor_user_id,
      actorUsername: row.actor_username,
      actorOrganisationId: row.actor_organisation_id,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      detail: row.detail,
      hash: row.hash,
    })),
    nextBefore: rows.length > filter.limit ? String(page[page.length - 1]?.id ?? '') : null,
  };
}

/** Verifies the chain and records that it was checked, with the outcome. */
export async function verifyAudit(db: Kysely<Database>, actor: Actor): Promise<AuditVerifyResponse> {
  const result = await verifyAuditChain(db);
  await db.transaction().execute((tx) =>
    withAudit(tx, actor, 'audit.verify', { type: 'audit_log' }, { valid: result.valid, rows: result.rows, firstInvalidId: result.firstInvalidId }),
  );
  const response: AuditVerifyResponse = { valid: result.valid, rows: result.rows };
  if (result.firstInvalidId) response.firstInvalidId = result.firstInvalidId;
  if (result.reason) response.reason = result.reason;
  return response;
}
