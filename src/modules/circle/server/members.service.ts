import { sql, type Kysely } from 'kysely';
import { conflict, invalid, notFound, withAudit, type AuditActor, type Database } from '../../../platform/server/index.js';
import type { AddMember, Member } from '../contract.js';
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
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    municipalityCode: r.municipality_code,
    fingerprint: fingerprintOf(r.public_key),
    lastSequence: Number(r.last_sequence),
    lastImportedAt: r.last_imported_at ? new Date(r.last_imported_at).toISOString() : null,
    itemCount: Number(r.item_count ?? 0),
  }));
}

export async function addMember(db: Kysely<Database>, actor: AuditActor, body: AddMember): Promise<Member> {
  if (!isEd25519PublicKey(body.publicKey)) throw invalid('circle.invalid_public_key', 'Not an Ed25519 public key (base64 SPKI)', [{ path: 'body.publicKey', message: 'not an Ed25519 public key' }]);
  const id = await db.transaction().execute(async (tx) => {
    const cdb = circleDb(tx);
    await sql`SELECT pg_advisory_xact_lock(hashtext('wijkregie.circle_members'))`.execute(tx);
    const own = await cdb.selectFrom('circle_identity').select(['public_key', 'municipality_code']).executeTakeFirst();
    if (own && (own.public_key === body.publicKey || own.municipality_code === body.municipalityCode)) throw conflict('circle.member_is_self', 'That is this installation itself');
    const clash = await cdb.selectFrom('circle_members').select('id').where((eb) => eb.or([eb('municipality_code', '=', body.municipalityCode), eb('public_key', '=', body.publicKey)])).executeTakeFirst();
    if (clash) throw conflict('circle.member_exists', 'A member with this gemeentecode or key is already registered');
    const { id } = await cdb.insertInto('circle_members').values({ name: body.name, municipality_code: body.municipalityCode, public_key: body.publicKey }).returning('id').executeTakeFirstOrThrow();
    await withAudit(tx, actor, 'circle.member.add', { type: 'circle_member', id }, { name: body.name, municipalityCode: body.municipalityCode, fingerprint: fingerprintOf(body.publicKey) });
    return id;
  });
  const member = (await listMembers(db)).find((m) => m.id === id);
  if (!member) throw new Error('member vanished');
  return member;
}

/** Removes a member and everything received from it. */
export async function removeMember(db: Kysely<Database>, actor: AuditActor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const cdb = circleDb(tx);
    const member = await cdb.deleteFrom('circle_members').where('id', '=', id).returning(['name', 'municipality_code']).executeTakeFirst();
    if (!member) throw notFound('Member', 'circle.member_not_found');
    await withAudit(tx, actor, 'circle.member.remove', { type: 'circle_member', id }, { name: member.name, municipalityCode: member.municipality_code });
  });
}
