import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../platform/server/index.js';
import { composeNewsletterMail } from './mail-text.js';
import { confirmTokenHash, newConfirmToken, subscriberOfUnsubscribeToken, unsubscribeToken } from './tokens.js';

/** The links in residents' mail: what is stored of them, and what a forged one gets. */
// Only the secret matters to the tokens.
const config = { sessionSecret: 'a test secret of at least thirty-two characters' } as AppConfig;
const other = { sessionSecret: 'another secret of at least thirty-two characters' } as AppConfig;
const ID = '3f2b8c1e-9d4a-4c6b-8e7f-1a2b3c4d5e6f';

describe('newsletter tokens', () => {
  it('stores only a hash of the confirmation token, and each token is new', () => {
    const a = newConfirmToken();
    const b = newConfirmToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.hash).toBe(confirmTokenHash(a.token));
    expect(a.hash).not.toContain(a.token);
    expect(a.token).not.toBe(b.token);
  });

  it('accepts the unsubscribe token it made, and refuses another id, a changed MAC or another secret', () => {
    const token = unsubscribeToken(config, ID);
    expect(subscriberOfUnsubscribeToken(config, token)).toBe(ID);
    expect(subscriberOfUnsubscribeToken(config, token.replace(ID, '00000000-0000-4000-8000-000000000000'))).toBeNull();
    const mac = token.split('.')[1] ?? '';
    expect(subscriberOfUnsubscribeToken(config, `${ID}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(subscriberOfUnsubscribeToken(config, ID)).toBeNull();
    expect(subscriberOfUnsubscribeToken(other, token)).toBeNull();
  });

  it('puts the newsletter text, the archive link and the unsubscribe link in the mail; a title cannot add header lines', () => {
    const mail = composeNewsletterMail({ title: 'Nieuws\r\nBcc: iemand@example.org', body: 'Tekst.\r\n\r\n- punt', archiveLink: 'https://x.example/a', unsubscribeLink: 'https://x.example/u' });
    expect(mail.subject).toBe('Nieuws Bcc: iemand@example.org');
    expect(mail.text).toBe('Tekst.\n\n- punt\n\n--\nDeze nieuwsbrief staat ook op: https://x.example/a\nGeen nieuwsbrief meer? Meld je met één klik af: https://x.example/u\nNa afmelden verwijderen we je e-mailadres.');
  });
});
