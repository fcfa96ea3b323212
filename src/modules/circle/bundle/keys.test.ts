import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';
import { fingerprintOf, isEd25519PublicKey, newKeyPair, signText, verifyText } from './keys.js';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined, so parse order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' }, e: undefined })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}');
  });
});

describe('Ed25519 keys', () => {
  it('signs and verifies, and a changed text or another key fails', () => {
    const pair = newKeyPair();
    const other = newKeyPair();
    const signature = signText(pair.privateKey, '{"a":1}');
    expect(verifyText(pair.publicKey, '{"a":1}', signature)).toBe(true);
    expect(verifyText(pair.publicKey, '{"a":2}', signature)).toBe(false);
    expect(verifyText(other.publicKey, '{"a":1}', signature)).toBe(false);
    expect(verifyText(pair.publicKey, '{"a":1}', 'not base64 at all')).toBe(false);
  });

  it('recognises a public key and gives a fingerprint of 16 groups of four hex digits', () => {
    const pair = newKeyPair();
    expect(isEd25519PublicKey(pair.publicKey)).toBe(true);
    expect(isEd25519PublicKey('AAAA')).toBe(false);
    expect(isEd25519PublicKey(pair.privateKey)).toBe(false);
    expect(fingerprintOf(pair.publicKey)).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  });
});
