import { createHmac, randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../contract.js';

/**
 * Invitation codes (docs/survey.md): 12 characters drawn with the operating system's random generator from
 * Crockford's base32 alphabet, so 60 bits. With 100,000 codes out, one guess hits a code with a chance of
 * about 1 in 10^13; the rate limits make guessing pointless.
 */
export function newInvitationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** As printed on the letter: XXXX-XXXX-XXXX. */
export function printedCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/** What is stored: an HMAC-SHA256 of the normalised code under a key derived from the server secret. */
export function codeHash(key: Buffer, normalisedCode: string): string {
  return createHmac('sha256', key).update(`code:${normalisedCode}`).digest('hex');
}

/** The browser token of the open link, hashed per survey with the same kind of key. */
export function openTokenHash(key: Buffer, surveyId: string, token: string): string {
  return createHmac('sha256', key).update(`open:${surveyId}:${token}`).digest('hex');
}
