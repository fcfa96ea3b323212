import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, normaliseCode } from '../contract.js';
import { codeHash, newInvitationCode, openTokenHash, printedCode } from './codes.js';

describe('invitation codes', () => {
  it('are 12 characters of the unambiguous alphabet (no I, L, O, U), 60 bits, and do not repeat', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    for (const ch of 'ILOU') expect(CODE_ALPHABET).not.toContain(ch);
    const codes = Array.from({ length: 20_000 }, newInvitationCode);
    for (const code of codes.slice(0, 100)) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol is used: the draw covers the alphabet.
    expect(new Set(codes.join('')).size).toBe(32);
  });

  it('are printed in groups of four and read back however they are typed', () => {
    expect(printedCode('7K3M9QXT2HRW')).toBe('7K3M-9QXT-2HRW');
    expect(normaliseCode('7k3m-9qxt-2hrw')).toBe('7K3M9QXT2HRW');
    expect(normaliseCode(' 7K3M 9QXT 2HRW ')).toBe('7K3M9QXT2HRW');
    // I and L are read as 1, O as 0: the letters a reader may see in the printed digits.
    expect(normaliseCode('ILOO-0000-0000')).toBe('110000000000');
    expect(normaliseCode('7K3M9QXT2HR')).toBeNull();
    expect(normaliseCode('7K3M9QXT2HRU')).toBeNull();
    expect(normaliseCode('7K3M9QXT2HR!')).toBeNull();
  });

  it('are stored as an HMAC under the server key: fixed length, no trace of the code, another key another hash', () => {
    const key = Buffer.alloc(32, 1);
    const hash = codeHash(key, '7K3M9QXT2HRW');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(codeHash(key, '7K3M9QXT2HRW'));
    expect(hash).not.toBe(codeHash(Buffer.alloc(32, 2), '7K3M9QXT2HRW'));
    expect(hash.toUpperCase()).not.toContain('7K3M');
    expect(openTokenHash(key, 's1', 'token')).not.toBe(openTokenHash(key, 's2', 'token'));
  });
});
