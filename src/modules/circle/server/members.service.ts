import { sql, type Kysely } from 'kysely';
import { conflict, invalid, notFound, withAudit, type AuditActor, type Database } from '../../../platform/server/index.js';
import type { AddMember, Member, RevokeMember } from '../contract.js';
import { fingerprintOf, isEd25519PublicKey } from '../bundle/keys.js';
import { circleDb } from './circle.tables.js';

/**
 * The circle's members: the other installations whose bundles this one accepts. An administrator adds a member
 * with its public key after comparing the fingerprint with the other municipality out of band (docs/circle.md).
 */

export async function listMembers(db: Kysely<Database>): Promise<Member[]> {
  const rows = await circleDb(db)
    .selectFrom('circle_members')
    .selectAll('circle_members')
    .select((eb) => eb.selectFrom('circle_received_items').whereRef('circle_received_items.member_id', '=', 'circle_members.id').select(eb.fn.countAll<string>().as('n')).as('item_count'))
    .orderBy('name')
    .orderBy('revoked_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    municipalityCode: r.municipality_code,
    fingerprint: fingerprintOf(r.public_key),
    lastSequence: Number(r.last_sequence),
    lastImportedAt: r.last_imported_at ? new Date(r.last_imported_at).toISOString() : null,
    itemCount: Number(r.item_count ?? 0),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    revokedReason: r.revoked_reason,
  }));
}

export async function addMember(db: Kysely<Database>, actor: AuditActor, body: AddMember): Promise<Member> {
  if (!isEd25519PublicKey(body.publicKey)) throw invalid('circle.invalid_public_key', 'Not an Ed25519 public key (base64 SPKI)', [{ path: 'body.publicKey', message: 'not an Ed25519 public key' }]);
  const id = await db.transaction().execute(async (tx) => {
    const cdb = circleDb(tx);
    await sql`SELECT pg_advisory_xact_lock(hashtext('wijkregie.circle_members'))`.execute(tx);
    const own = await cdb.selectFrom('circle_identity').select(['public_key', 'municipality_code']).executeTakeFirst();
    if (own && (own.public_key === body.publicKey || own.municipality_code === body.municipalityCode)) throw conflict('circle.member_is_self', 'That is this installation itself');
    // A revoked key stays known: registering it again would undo the revocation (docs/circle.md, "Revoking").
    const revokedKey = await cdb.selectFrom('circle_members').select('id').where('public_key', '=', body.publicKey).where('revoked_at', 'is not', null).executeTakeFirst();
    if (revokedKey) throw conflict('circle.key_was_revoked', 'This key was revoked here; the member can be registered again only with a new key');
    const clash = await cdb
      .selectFrom('circle_members')
      .select('id')
      .where((eb) => eb.or([eb.and([eb('municipality_code', '=', body.municipalityCode), eb('revoked_at', 'is', null)]), eb('public_key', '=', body.publicKey)]))
      .executeTakeFirst();
    if (clash) throw conflict('circle.member_exists', 'A member with this gemeentecode or key is already registered');
    const { id } = await cdb.insertInto('circle_members').values({ name: body.name, municipality_code: body.municipalityCode, public_key: body.publicKey }).returning('id').executeTakeFirstOrThrow();
    await withAudit(tx, actor, 'circle.member.add', { type: 'circle_member', id }, { name: body.name, municipalityCode: body.municipalityCode, fingerprint: fingerprintOf(body.publicKey) });
    return id;
  });
  const member = (await listMembers(db)).find((m) => m.id === id);
  if (!member) throw new Error('member vanished');
  return member;
}

/**
 * Removes a member and everything received from it. A revoked member is not removed: its row is the record of
 * the revocation and keeps its key from being registered again.
 */
export async function removeMember(db: Kysely<Database>, actor: AuditActor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const cdb = circleDb(tx);
    const current = await cdb.selectFrom('circle_members').select('revoked_at').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('Member', 'circle.member_not_found');
    if (current.revoked_at) throw conflict('circle.member_revoked', 'This member was revoked; the revocation is kept');
    const member = await cdb.deleteFrom('circle_members').where('id', '=', id).returning(['name', 'municipality_code']).executeTakeFirstOrThrow();
    await withAudit(tx, actor, 'circle.member.remove', { type: 'circle_member', id }, { name: member.name, municipalityCode: member.municipality_code });
  });
}

/**
 * Revokes a member's key: from now on its bundles are refused (circle.key_revoked), and what it shared leaves this
 * installation at once — as if it had withdrawn every item, so its lessons, evaluations, MKBAs and trends are gone
 * and no longer count toward a median. The row stays with when, by whom and why.
 */
export async function revokeMember(db: Kysely<Database>, actor: AuditActor, id: string, body: RevokeMember, now: Date): Promise<Member> {
  await db.transaction().execute(async (tx) => {
    const cdb = circleDb(tx);
    const member = await cdb.selectFrom('circle_members').select(['name', 'municipality_code', 'public_key', 'revoked_at']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!member) throw notFound('Member', 'circle.member_not_found');
    if (member.revoked_at) throw conflict('circle.member_revoked', 'This member was revoked already');
    const removed = await cdb.deleteFrom('circle_received_items').where('member_id', '=', id).returning('id').execute();
    await cdb
      .updateTable('circle_members')
      .set({ revoked_at: now, revoked_reason: body.reason, revoked_by: actor.userId })
      .where('id', '=', id)
      .execute();
    await withAudit(tx, actor, 'circle.member.revoke', { type: 'circle_member', id }, { name: member.name, municipalityCode: member.municipality_code, fingerprint: fingerprintOf(member.public_key), reason: body.reason, itemsRemoved: removed.length });
  });
  const member = (await listMembers(db)).find((m) => m.id === id);
  if (!member) throw new Error('member vanished');
  return member;
}
