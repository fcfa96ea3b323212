import { createHmac } from 'node:crypto';
import { decryptSecret, deriveKey, encryptSecret } from '../../../platform/server/index.js';

/**
 * Keyed pseudonyms (SECURITY.md 3). The same person reference always yields the same pseudonym under one
 * server secret, so signals about one person link up without storing who it is; without the key a
 * pseudonym cannot be recomputed from a guessed name. The identity itself is sealed (AES-256-GCM) in
 * signal_identities, which only `signal_identities.read` may open.
 */
export interface PseudonymKeys {
  hmac: Buffer;
  seal: Buffer;
}

export function pseudonymKeys(sessionSecret: string): PseudonymKeys {
  return { hmac: deriveKey(sessionSecret, 'signals.pseudonym.v1'), seal: deriveKey(sessionSecret, 'signals.identity.v1') };
}

/** Case, accents (as Unicode forms) and repeated spaces do not make another person. */
export function normaliseReference(reference: string): string {
  return reference.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function pseudonymOf(keys: PseudonymKeys, kind: 'person' | 'group', reference: string): string {
  return createHmac('sha256', keys.hmac).update(`${kind}:${normaliseReference(reference)}`).digest('hex');
}

export function sealReference(keys: PseudonymKeys, reference: string): string {
  return encryptSecret(keys.seal, reference.trim());
}

export function openReference(keys: PseudonymKeys, sealed: string): string {
  return decryptSecret(keys.seal, sealed);
}
