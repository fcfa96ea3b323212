import { describe, expect, it } from 'vitest';
import { AppError, deriveKey, encryptSecret } from '../../../platform/server/index.js';
import { newKeyPair } from '../bundle/keys.js';
import { unsealPrivateKey } from './identity.service.js';

describe('unsealing the signing key', () => {
  const pair = newKeyPair();
  const sealed = encryptSecret(deriveKey('the-secret-of-this-installation-0123456789', 'circle-signing-key'), pair.privateKey);

  it('gives the private key back with the secret it was sealed with', () => {
    expect(unsealPrivateKey(sealed, 'the-secret-of-this-installation-0123456789')).toBe(pair.privateKey);
  });

  it('refuses with a plain 409 after SESSION_SECRET changed', () => {
    let caught: unknown;
    try {
      unsealPrivateKey(sealed, 'another-secret-after-a-change-0123456789');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ code: 'circle.key_unusable', status: 409 });
  });
});
