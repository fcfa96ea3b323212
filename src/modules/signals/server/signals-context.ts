import type { AppConfig } from '../../../platform/server/index.js';
import { pseudonymKeys, type PseudonymKeys } from './pseudonyms.js';

/** What signal services need besides the database and the caller: the clock, keys and thresholds. */
export interface SignalsContext {
  now: Date;
  keys: PseudonymKeys;
  suppressBelow: number;
  unusualReadsPerHour: number;
}

const keyCache = new Map<string, PseudonymKeys>();

export function signalsContext(config: Pick<AppConfig, 'sessionSecret' | 'signalsSuppressBelow' | 'signalsUnusualReadsPerHour'>, now: Date): SignalsContext {
  let keys = keyCache.get(config.sessionSecret);
  if (!keys) {
    keys = pseudonymKeys(config.sessionSecret);
    keyCache.set(config.sessionSecret, keys);
  }
  return { now, keys, suppressBelow: config.signalsSuppressBelow, unusualReadsPerHour: config.signalsUnusualReadsPerHour };
}
