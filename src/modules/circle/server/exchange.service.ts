import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { conflict, findMalformedText, invalid, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import { BUNDLE_FORMAT, Bundle, type BundleItem, type ImportResult, type KeyRotation } from '../contract.js';
import { canonicalJson } from '../bundle/canonical.js';
import { fingerprintOf, signText, verifyText } from '../bundle/keys.js';
import { verifyRotation } from '../bundle/rotation.js';
import { circleDb } from './circle.tables.js';
import { readIdentity, unsealPrivateKey } from './identity.service.js';
import { kindEntry } from './item-kinds.js';
import { listShares } from './shares.service.js';

/**
 * Export and import of signed bundles (docs/circle.md, ADR 0009). A bundle is the full current set of what an
 * installation shares at level circle or public, so an item missing from a newer bundle has been withdrawn.
 */

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What the signature covers: the bundle without its signature, as canonical JSON. */
export const signedText = (bundle: Omit<Bundle, 'signature'>) => canonicalJson(bundle);

export async function exportBundle(db: Kysely<Database>, actor: Actor, sessionSecret: string, now: Date): Promise<Bundle> {
  const identity = await readIdentity(db, sessionSecret, actor);
  if (!identity.name || !identity.municipalityCode) {
    throw invalid('circle.identity_incomplete', 'Set this installation’s name and gemeentecode before exporting', [{ path: 'identity', message: 'name and gemeentecode missing' }]);
  }
  const context = { municipalityCode: identity.municipalityCode };
  const items: BundleItem[] = [];
  for (const share of await listShares(db)) {
    const entry = kindEntry(share.kind);
    if (!entry || share.level === 'internal') continue;
    const snapshot = await entry.snapshot(db, actor, share.key, context);
    if (snapshot) items.push({ kind: share.kind, key: share.key, level: share.level, title: snapshot.title, payload: snapshot.payload });
  }
  return db.transaction().execute(async (tx) => {
    const cdb = circleDb(tx);
    const row = await cdb.selectFrom('circle_identity').select(['last_sequence', 'private_key_sealed', 'public_key', 'rotation_statement']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
    const sequence = Number(row.last_sequence) + 1;
    await cdb.updateTable('circle_identity').set({ last_sequence: sequence }).where('id', '=', 1).execute();
    // After a rotation every bundle carries the statement, so a member that skipped a bundle can still follow.
    const rotation = row.rotation_statement ? { rotation: row.rotation_statement as KeyRotation } : {};
    const unsigned = { format: BUNDLE_FORMAT, issuer: { name: identity.name!, municipalityCode: identity.municipalityCode!, publicKey: row.public_key }, sequence, createdAt: now.toISOString(), items, ...rotation };
    const text = signedText(unsigned);
    const bundle: Bundle = { ...unsigned, signature: signText(unsealPrivateKey(row.private_key_sealed, sessionSecret), text) };
    const digest = sha256(text);
    await cdb.insertInto('circle_bundle_log').values({ direction: 'export', member_id: null, sequence, item_count: items.length, sha256: digest }).execute();
    await withAudit(tx, actor, 'circle.bundle.export', { type: 'circle_bundle', id: String(sequence) }, { sequence, items: items.map((i) => ({ kind: i.kind, key: i.key, level: i.level })), sha256: digest });
    return bundle;
  });
}

const refuse = (code: string, message: string) => invalid(code, message, [{ path: 'body.bundle', message }]);

/**
 * Reads and checks a bundle's text: well-formed, from a registered member that is not revoked, signed by its key —
 * or by a new key that a rotation statement, signed by the registered key, hands the trust to.
 */
async function checkedBundle(db: Kysely<Database>, text: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refuse('circle.bundle_unreadable', 'The file is not a circle bundle');
  }
  const result = Bundle.safeParse(parsed);
  if (!result.success) throw refuse('circle.bundle_unreadable', 'The file is not a circle bundle');
  // The request check sees only the file as one string; what it holds reaches the database, which cannot
  // store a NUL or a lone surrogate (a 500 before this check), so it is refused here like any unreadable file.
  if (findMalformedText(result.data, 'bundle')) throw refuse('circle.bundle_unreadable', 'The bundle holds a character that cannot be stored (a NUL character or a lone UTF-16 surrogate)');
  const bundle = result.data;
  const issuerKey = bundle.issuer.publicKey;
  const rows = await circleDb(db)
    .selectFrom('circle_members')
    .selectAll()
    .where((eb) => eb.or([eb('municipality_code', '=', bundle.issuer.municipalityCode), eb('public_key', '=', issuerKey)]))
    .execute();
  const member = rows.find((r) => r.revoked_at === null && r.municipality_code === bundle.issuer.municipalityCode);
  // A revoked key signs nothing here any more, and a revoked member without a newly registered key sends nothing:
  // not even a statement handing over to a new key (that could only name the revoked key as the previous one).
  const revoked = rows.filter((r) => r.revoked_at !== null);
  if (revoked.some((r) => r.public_key === issuerKey) || (!member && revoked.some((r) => r.municipality_code === bundle.issuer.municipalityCode))) {
    throw refuse('circle.key_revoked', 'The key of this member was revoked here: its bundles are no longer accepted');
  }
  if (!member) throw refuse('circle.unknown_member', 'The bundle comes from a municipality that is not a member of the circle here');
  let rotation: { previousPublicKey: string; publicKey: string } | null = null;
  if (member.public_key !== issuerKey) {
    // Another key than the registered one is accepted only with a rotation statement signed by the registered key.
    if (!bundle.rotation || bundle.rotation.previousPublicKey !== member.public_key) throw refuse('circle.key_mismatch', 'The bundle was signed with another key than the one registered for this member');
    if (!verifyRotation(bundle.rotation, member.public_key, issuerKey)) throw refuse('circle.bad_rotation', 'The statement that the new key follows the registered one is not signed by the registered key');
    if (rows.some((r) => r.id !== member.id && r.public_key === issuerKey)) throw refuse('circle.key_mismatch', 'The new key is registered for another member');
    rotation = { previousPublicKey: member.public_key, publicKey: issuerKey };
  }
  const { signature, ...unsigned } = bundle;
  if (!verifyText(issuerKey, signedText(unsigned), signature)) throw refuse('circle.bad_signature', 'The signature does not match the content: the file was changed or is not from this member');
  return { bundle, member, rotation, digest: sha256(signedText(unsigned)) };
}

export async function importBundle(db: Kysely<Database>, actor: AuditActor, text: string): Promise<ImportResult> {
  const { bundle, member, rotation, digest } = await checkedBundle(db, text);
  const seen = new Set<string>();
  const known: (BundleItem & { searchText: string })[] = [];
  let skipped = 0;
  for (const item of bundle.items) {
    const id = `${item.kind}:${item.key}`;
    if (seen.has(id)) throw refuse('circle.bundle_unreadable', 'The bundle holds an item twice');
    seen.add(id);
    const entry = kindEntry(item.kind);
    // A kind this build does not know (a newer installation's) is left out, not refused.
    if (!entry) {
      skipped += 1;
      continue;
    }
    const payload = entry.payloadSchema.safeParse(item.payload);
    if (!payload.success) throw refuse('circle.bundle_unreadable', 'An item in the bundle is not in the expected form');
    known.push({ ...item, payload: payload.data, searchText: entry.searchText(item.title, payload.data) });
  }
  return db.transaction().execute(async (tx) => {
    const cdb = circleDb(tx);
    const locked = await cdb.selectFrom('circle_members').select(['last_sequence', 'public_key', 'revoked_at']).where('id', '=', member.id).forUpdate().executeTakeFirst();
    if (!locked) throw refuse('circle.unknown_member', 'The member was removed meanwhile');
    if (locked.revoked_at) throw refuse('circle.key_revoked', 'The key of this member was revoked meanwhile');
    if (locked.public_key !== member.public_key) throw refuse('circle.key_mismatch', 'The key of this member changed meanwhile');
    if (bundle.sequence <= Number(locked.last_sequence)) {
      throw conflict('circle.bundle_replayed', `This bundle (number ${bundle.sequence}) is not newer than the last one imported from this member (number ${locked.last_sequence})`);
    }
    const before = await cdb.selectFrom('circle_received_items').select(['kind', 'item_key']).where('member_id', '=', member.id).execute();
    const withdrawn = before.filter((b) => !seen.has(`${b.kind}:${b.item_key}`)).length;
    await cdb.deleteFrom('circle_received_items').where('member_id', '=', member.id).execute();
    if (known.length > 0) {
      await cdb
        .insertInto('circle_received_items')
        .values(known.map((i) => ({ member_id: member.id, kind: i.kind, item_key: i.key, level: i.level, title: i.title, search_text: i.searchText, payload: JSON.stringify(i.payload) })))
        .execute();
    }
    await cdb.updateTable('circle_members').set({ last_sequence: bundle.sequence, last_imported_at: new Date() }).where('id', '=', member.id).execute();
    const keyRotated = rotation ? { previousFingerprint: fingerprintOf(rotation.previousPublicKey), fingerprint: fingerprintOf(rotation.publicKey) } : null;
    if (rotation) {
      await cdb.updateTable('circle_members').set({ public_key: rotation.publicKey }).where('id', '=', member.id).execute();
      await withAudit(tx, actor, 'circle.member.key_rotate', { type: 'circle_member', id: member.id }, { member: member.name, municipalityCode: member.municipality_code, sequence: bundle.sequence, ...keyRotated });
    }
    await cdb.insertInto('circle_bundle_log').values({ direction: 'import', member_id: member.id, sequence: bundle.sequence, item_count: known.length, sha256: digest }).execute();
    await withAudit(tx, actor, 'circle.bundle.import', { type: 'circle_member', id: member.id }, { member: member.name, sequence: bundle.sequence, items: known.length, withdrawn, skippedUnknownKinds: skipped, sha256: digest });
    return { memberName: member.name, municipalityCode: member.municipality_code, sequence: bundle.sequence, items: known.length, withdrawn, skippedUnknownKinds: skipped, keyRotated };
  });
}
