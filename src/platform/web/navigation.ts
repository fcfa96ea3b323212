import type { CurrentUser } from '../../modules/auth/contract';
import { WEB_MODULES } from './modules';
import type { WebNavEntry } from './web-module';

/** The menu entries this user may use, in module order. */
export function navigationFor(user: Pick<CurrentUser, 'permissions'>): WebNavEntry[] {
  return WEB_MODULES.flatMap((module) => module.nav).filter((entry) => user.permissions.includes(entry.permission));
}
