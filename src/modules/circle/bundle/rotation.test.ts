import { describe, expect, it } from 'vitest';
import { newKeyPair } from './keys.js';
import { signRotation, verifyRotation } from './rotation.js';

describe('key rotation statement', () => {
  const old = newKeyPair();
  const next = newKeyPair();
  const statement = signRotation(old, next.publicKey, '2026-12-07T15:00:00.000Z');

  it('verifies against the previous key for the new key it names', () => {
    expect(verifyRotation(statement, old.publicKey, next.publicKey)).toBe(true);
  });

  it('fails for another new key, another trusted key, a changed time or a statement signed by someone else', () => {
    expect(verifyRotation(statement, old.publicKey, newKeyPair().publicKey)).toBe(false);
    expect(verifyRotation(statement, newKeyPair().publicKey, next.publicKey)).toBe(false);
    expect(verifyRotation({ ...statement, rotatedAt: '2026-12-07T15:00:01.000Z' }, old.publicKey, next.publicKey)).toBe(false);
    const forged = signRotation({ publicKey: old.publicKey, privateKey: newKeyPair().privateKey }, next.publicKey, statement.rotatedAt);
    expect(verifyRotation(forged, old.publicKey, next.publicKey)).toBe(false);
    expect(verifyRotation({ ...statement, previousFingerprint: 'AAAA' }, old.publicKey, next.publicKey)).toBe(false);
  });

  it('does not move a key to itself', () => {
    expect(verifyRotation(signRotation(old, old.publicKey, statement.rotatedAt), old.publicKey, old.publicKey)).toBe(false);
  });
});
