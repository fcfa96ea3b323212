import { describe, expect, it } from 'vitest';
import { constantTimeEqual, decryptSecret, deriveKey, encryptSecret, randomToken } from './secrets.js';

describe('secrets', () => {
  it('seals and opens a secret; a different key or a changed byte fails', () => {
    const key = deriveKey('a'.repeat(40), 'totp-secrets');
    const sealed = encryptSecret(key, 'JBSWY3DPEHPK3PXPJBSWY3DP');
    expect(sealed).not.toContain('JBSWY3DP');
    expect(decryptSecret(key, sealed)).toBe('JBSWY3DPEHPK3PXPJBSWY3DP');
    expect(() => decryptSecret(deriveKey('b'.repeat(40), 'totp-secrets'), sealed)).toThrow();
    expect(() => decryptSecret(deriveKey('a'.repeat(40), 'other-purpose'), sealed)).toThrow();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => decryptSecret(key, tampered)).toThrow();
  });

  it('makes distinct URL-safe tokens and compares in constant time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => randomToken()));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });
});
