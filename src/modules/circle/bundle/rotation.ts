import type { KeyRotation } from '../contract.js';
import { canonicalJson } from './canonical.js';
import { fingerprintOf, signText, verifyText } from './keys.js';

/**
 * The key rotation statement (docs/circle.md, "Keys"): the new public key, signed with the previous private key.
 * Whoever trusts the previous key can trust the new one without a phone call, because only the holder of the
 * previous private key can make the statement. The format string keeps the signature from being mistaken
 * for a bundle's.
 */

export const KEY_ROTATION_FORMAT = 'wijkregie-circle-key-rotation/1';

const statementText = (previousPublicKey: string, publicKey: string, rotatedAt: string) => canonicalJson({ format: KEY_ROTATION_FORMAT, previousPublicKey, publicKey, rotatedAt });

export function signRotation(previous: { publicKey: string; privateKey: string }, publicKey: string, rotatedAt: string): KeyRotation {
  return {
    previousPublicKey: previous.publicKey,
    previousFingerprint: fingerprintOf(previous.publicKey),
    rotatedAt,
    signature: signText(previous.privateKey, statementText(previous.publicKey, publicKey, rotatedAt)),
  };
}

/** True when the statement moves from `trustedPublicKey` to `publicKey` and is signed by the trusted key. */
export function verifyRotation(statement: KeyRotation, trustedPublicKey: string, publicKey: string): boolean {
  if (statement.previousPublicKey !== trustedPublicKey || statement.previousFingerprint !== fingerprintOf(trustedPublicKey)) return false;
  if (publicKey === trustedPublicKey) return false;
  return verifyText(trustedPublicKey, statementText(trustedPublicKey, publicKey, statement.rotatedAt), statement.signature);
}
