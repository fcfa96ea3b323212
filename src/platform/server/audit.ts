import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditRow, Database } from './db-schema.js';
import { toStorableText } from './malformed-text.js';

/** Who did it, as far as the audit log is concerned. `null` fields mean the system itself (a job, the CLI). */
export interface AuditActor {
  userId: string | null;
  username: string | null;
  organisationId: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, username: 'system', organisationId: null };

export interface AuditSubject {
  type: string;
  id?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

type AnyDb = Kysely<Database> | Transaction<Database>;

/**
 * Writes one audit row in the caller's transaction: the change and its audit row commit together or not
 * at all (SECURITY.md 7). Rows are chained: each hash covers the row and the previous row's hash, and an
 * advisory lock held to the end of the transaction keeps the chain a single line under concurrency.
 */
export async function withAudit(
  tx: AnyDb,
  actor: AuditActor,
  action: string,
  subject: AuditSubject,
  detail: Record<string, unknown> = {},
  at: Date = new Date(),
): Promise<void> {
  if (!tx.isTransaction) throw new Error('withAudit must run inside a transaction');
  await sql`SELECT pg_advisory_xact_lock(hashtext('wijkregie.audit_log'))`.execute(tx);
  const last = await tx.selectFrom('audit_log').select(['hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const { rows } = await sql<{ id: string }>`SELECT nextval('audit_log_id_seq')::text AS id`.execute(tx);
  const id = rows[0]?.id;
  if (!id) throw new Error('audit_log_id_seq returned no value');
  const prevHash = last?.hash ?? GENESIS_HASH;
  // The row is hashed in exactly the form it is stored and read back in: text the database would change
  // (NUL, lone surrogates) is replaced first, and the detail goes through JSON as jsonb would take it.
  // Requests with such text are refused at the parser; this keeps the chain sound whatever else calls here.
  const entry: AuditEntryFields = {
    id,
    at: at.toISOString(),
    actorUserId: storable(actor.userId),
    actorUsername: storable(actor.username),
    actorOrganisationId: storable(actor.organisationId),
    action: toStorableText(action),
    subjectType: toStorableText(subject.type),
    subjectId: storable(subject.id ?? null),
    detail: JSON.parse(JSON.stringify(canonicalise(detail))) as Record<string, unknown>,
  };
  await tx
    .insertInto('audit_log')
    .values({
      id,
      at,
      actor_user_id: entry.actorUserId,
      actor_username: entry.actorUsername,
      actor_organisation_id: entry.actorOrganisationId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      detail: JSON.stringify(entry.detail),
      prev_hash: prevHash,
      hash: hashAuditEntry(entry, prevHash),
    })
    .execute();
}

interface AuditEntryFields {
  id: string;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorOrganisationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail: Record<string, unknown>;
}

export function hashAuditEntry(entry: AuditEntryFields, prevHash: string): string {
  const canonical = JSON.stringify([
    entry.id,
    entry.at,
    entry.actorUserId,
    entry.actorUsername,
    entry.actorOrganisationId,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    canonicalise(entry.detail),
    prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const storable = (text: string | null): string | null => (text === null ? null : toStorableText(text));

/** Sorts object keys recursively, as jsonb does not keep key order; text as the database stores it. */
function canonicalise(value: unknown): unknown {
  if (typeof value === 'string') return toStorableText(value);
  if (Array.isArray(value)) return value.map(canonicalise);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([key, v]): [string, unknown] => [toStorableText(key), canonicalise(v)])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  }
  return value;
}

export function auditRowToEntry(row: AuditRow): AuditEntryFields {
  return {
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    actorOrganisationId: row.actor_organisation_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    detail: row.detail,
  };
}

export interface AuditVerification {
  valid: boolean;
  rows: number;
  lastHash: string;
  firstInvalidId?: string;
  reason?: string;
}

const VERIFY_BATCH = 5000;

/** Recomputes the whole chain in id order; reports the first row that does not fit. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let rows = 0;
  let afterId = '-1';
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where(sql<boolean>`id > ${afterId}::bigint`)
      .orderBy('id')
      .limit(VERIFY_BATCH)
      .execute();
    for (const row of batch) {
      const id = String(row.id);
      if (row.prev_hash !== prevHash) {
        return { valid: false, rows, lastHash: prevHash, firstInvalidId: id, reason: 'chain broken: a row before it was changed, removed or inserted' };
      }
      const expected = hashAuditEntry(auditRowToEntry(row), prevHash);
      if (row.hash !== expected) {
        return { valid: false, rows, lastHash: prevHash, firstInvalidId: id, reason: 'row content does not match its hash' };
      }
      prevHash = row.hash;
      rows += 1;
      afterId = id;
    }
    if (batch.length < VERIFY_BATCH) break;
  }
  return { valid: true, rows, lastHash: prevHash };
}
