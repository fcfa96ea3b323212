import { sql, type Kysely } from 'kysely';
import { conflict, decryptSecret, deriveKey, encryptSecret, withAudit, type AuditActor, type Database } from '../../../platform/server/index.js';
import type { Identity, KeyRotation, UpdateIdentity } from '../contract.js';
import { fingerprintOf, newKeyPair } from '../bundle/keys.js';
import { signRotation } from '../bundle/rotation.js';
import { circleDb, type CircleDb } from './circle.tables.js';

/**
 * This installation's circle identity: its name, CBS gemeentecode and Ed25519 key pair. The key pair is made at
 * first use and kept in circle_identity, the private key sealed (AES-256-GCM) under a key derived from
 * SESSION_SECRET — so it survives restarts, a database copy alone cannot sign, and a changed SESSION_SECRET
 * makes it unusable (docs/circle.md, "Keys").
 */

const sealingKey = (sessionSecret: string) => deriveKey(sessionSecret, 'circle-signing-key');

type IdentityRow = { name: string | null; municipality_code: string | null; public_key: string; private_key_sealed: string; rotation_statement: unknown; rotated_at: Date | null };

async function readRow(db: CircleDb): Promise<IdentityRow | undefined> {
  return db.selectFrom('circle_identity').select(['name', 'municipality_code', 'public_key', 'private_key_sealed', 'rotation_statement', 'rotated_at']).where('id', '=', 1).executeTakeFirst();
}

/** The identity row, made (and audited) the first time anyone needs it. Safe when two requests race. */
async function ensureRow(db: Kysely<Database>, sessionSecret: string, actor: AuditActor): Promise<IdentityRow> {
  const existing = await readRow(circleDb(db));
  if (existing) return existing;
  return db.transaction().execute(async (tx) => {
    const cdb = circleDb(tx);
    await sql`SELECT pg_advisory_xact_lock(hashtext('wijkregie.circle_identity'))`.execute(tx);
    const again = await readRow(cdb);
    if (again) return again;
    const pair = newKeyPair();
    const row = { name: null, municipality_code: null, public_key: pair.publicKey, private_key_sealed: encryptSecret(sealingKey(sessionSecret), pair.privateKey) };
    await cdb.insertInto('circle_identity').values({ id: 1, ...row }).execute();
    await withAudit(tx, actor, 'circle.identity.create', { type: 'circle_identity' }, { fingerprint: fingerprintOf(pair.publicKey) });
    return { ...row, rotation_statement: null, rotated_at: null };
  });
}

const toIdentity = (row: IdentityRow): Identity => {
  const statement = row.rotation_statement as KeyRotation | null;
  return {
    name: row.name,
    municipalityCode: row.municipality_code,
    publicKey: row.public_key,
    fingerprint: fingerprintOf(row.public_key),
    rotation: statement && row.rotated_at ? { previousFingerprint: statement.previousFingerprint, rotatedAt: new Date(row.rotated_at).toISOString() } : null,
  };
};

export async function readIdentity(db: Kysely<Database>, sessionSecret: string, actor: AuditActor): Promise<Identity> {
  return toIdentity(await ensureRow(db, sessionSecret, actor));
}

/** The identity without making one: null while no key exists yet. */
export async function peekIdentity(db: Kysely<Database>): Promise<Identity | null> {
  const row = await readRow(circleDb(db));
  return row ? toIdentity(row) : null;
}

export async function updateIdentity(db: Kysely<Database>, sessionSecret: string, actor: AuditActor, body: UpdateIdentity): Promise<Identity> {
  await ensureRow(db, sessionSecret, actor);
  await db.transaction().execute(async (tx) => {
    await circleDb(tx).updateTable('circle_identity').set({ name: body.name, municipality_code: body.municipalityCode }).where('id', '=', 1).execute();
    await withAudit(tx, actor, 'circle.identity.update', { type: 'circle_identity' }, { name: body.name, municipalityCode: body.municipalityCode });
  });
  return readIdentity(db, sessionSecret, actor);
}

/**
 * The private key, for signing an export. After SESSION_SECRET changed it cannot be unsealed: a plain 409 that
 * says so, not a crash (docs/circle.md, "Keys", says how to start over with a new key pair).
 */
export function unsealPrivateKey(sealed: string, sessionSecret: string): string {
  try {
    return decryptSecret(sealingKey(sessionSecret), sealed);
  } catch {
    throw conflict('circle.key_unusable', 'The signing key cannot be unsealed with the current SESSION_SECRET');
  }
}

/**
 * Rotation in one step: a new key pair, and a statement that the new public key follows the old one, signed with
 * the old private key. Every bundle from now on carries the statement, so members that registered the old key
 * move to the new one at their next import without a remove and an add. The old private key is discarded
 * here: kept, it could still sign bundles (or a second statement) that members accept, which is what a
 * rotation after a leak must stop. Needs the current SESSION_SECRET (the old key is unsealed to sign).
 */
export async function rotateKey(db: Kysely<Database>, sessionSecret: string, actor: AuditActor, now: Date): Promise<Identity> {
  await ensureRow(db, sessionSecret, actor);
  await db.transaction().execute(async (tx) => {
    const cdb = circleDb(tx);
    const row = await cdb.selectFrom('circle_identity').select(['public_key', 'private_key_sealed']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
    const previous = { publicKey: row.public_key, privateKey: unsealPrivateKey(row.private_key_sealed, sessionSecret) };
    const pair = newKeyPair();
    const statement = signRotation(previous, pair.publicKey, now.toISOString());
    await cdb
      .updateTable('circle_identity')
      .set({ public_key: pair.publicKey, private_key_sealed: encryptSecret(sealingKey(sessionSecret), pair.privateKey), rotation_statement: JSON.stringify(statement), rotated_at: now })
      .where('id', '=', 1)
      .execute();
    await withAudit(tx, actor, 'circle.identity.rotate', { type: 'circle_identity' }, { previousFingerprint: statement.previousFingerprint, fingerprint: fingerprintOf(pair.publicKey) });
  });
  return readIdentity(db, sessionSecret, actor);
}
