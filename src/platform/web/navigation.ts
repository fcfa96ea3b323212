import type { CurrentUser } from '../../modules/auth/contract';
import { WEB_MODULES } from './modules';
import type { NavGroup, WebNavEntry } from './web-module';

/** The menu's sections in the order they appear; each has an i18n label `common:nav.groups.<group>`. */
export const NAV_GROUPS: readonly NavGroup[] = ['direction', 'planning', 'figures', 'signals', 'admin'];

/** The menu entries this user may use, in module order. */
export function navigationFor(user: Pick<CurrentUser, 'permissions'>): WebNavEntry[] {
  return WEB_MODULES.flatMap((module) => module.nav).filter((entry) => user.permissions.includes(entry.permission));
}

export interface NavSection {
  group: NavGroup;
  entries: WebNavEntry[];
}

/** The user's entries by section; sections without an entry for this user are left out. */
export function navigationSectionsFor(user: Pick<CurrentUser, 'permissions'>): NavSection[] {
  const entries = navigationFor(user);
  return NAV_GROUPS.map((group) => ({ group, entries: entries.filter((entry) => entry.group === group) })).filter((section) => section.entries.length > 0);
}
