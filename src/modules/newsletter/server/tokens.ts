import { createHmac, randomBytes } from 'node:crypto';
import { constantTimeEqual, deriveKey, sha256Hex, type AppConfig } from '../../../platform/server/index.js';

/**
 * The two links a resident gets by mail. The confirmation token is random and only its hash is stored, so a
 * copy of the database cannot confirm anything. The unsubscribe token is the subscriber id with an HMAC
 * under the server secret: every newsletter can carry it without a stored copy, and it stops working the
 * moment the address is deleted.
 */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256Hex(token) };
}

export const confirmTokenHash = (token: string): string => sha256Hex(token);

function unsubscribeMac(config: AppConfig, subscriberId: string): string {
  return createHmac('sha256', deriveKey(config.sessionSecret, 'newsletter-unsubscribe')).update(subscriberId).digest('base64url');
}

export function unsubscribeToken(config: AppConfig, subscriberId: string): string {
  return `${subscriberId}.${unsubscribeMac(config, subscriberId)}`;
}

/** The subscriber id of a genuine token, or null. */
export function subscriberOfUnsubscribeToken(config: AppConfig, token: string): string | null {
  const [id, mac] = token.split('.');
  if (!id || !mac) return null;
  return constantTimeEqual(mac, unsubscribeMac(config, id)) ? id : null;
}
