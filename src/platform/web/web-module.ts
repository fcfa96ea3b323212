import type { ComponentType, LazyExoticComponent } from 'react';
import type { Permission } from '../shared/permissions';

/** A nested dictionary of UI texts, as in i18n/nl.json. */
export interface Translations {
  [key: string]: string | Translations;
}

export interface WebRoute {
  /** Absolute path, e.g. `/admin/users`. */
  path: string;
  /**
   * The permission a user needs, or 'authenticated' for a page every logged-in person has (their own
   * notifications); the server checks again, this only keeps the UI honest.
   */
  permission: Permission | 'authenticated';
  /** Lazy, so a module's pages load only when someone opens them. */
  Component: LazyExoticComponent<ComponentType>;
}

/** The sections of the main menu, in the order they appear (navigation.ts). */
export type NavGroup = 'direction' | 'planning' | 'figures' | 'signals' | 'admin';

/** A page anyone may open, also without logging in (router.tsx renders it outside the session check). */
export interface WebPublicRoute {
  /** Absolute path, e.g. `/privacy`. */
  path: string;
  Component: LazyExoticComponent<ComponentType>;
  /** i18n key of the page's link in the footer of every page; without it the page has no footer link. */
  footerLabelKey?: string;
}

export interface WebNavEntry {
  to: string;
  /** The menu section the entry appears in. */
  group: NavGroup;
  /** i18n key including the namespace, e.g. `auth:nav.users`. */
  labelKey: string;
  /** One line for the home page, e.g. `auth:nav.usersDescription`. */
  descriptionKey: string;
  permission: Permission;
}

/** What a module contributes to the web app. Modules that are not built yet contribute nothing. */
export interface WebModule {
  /** Also the i18n namespace of the module's texts. */
  namespace: string;
  translations: { nl: Translations; en: Translations };
  routes: WebRoute[];
  nav: WebNavEntry[];
  /** Pages outside the session, such as the privacy statement; optional, most modules have none. */
  publicRoutes?: WebPublicRoute[];
  /**
   * Optional: a small link for the header's user block, next to the name and the logout button (the
   * notifications module's "Meldingen" with the unread count). Rendered only for a logged-in user.
   */
  userMenuItem?: ComponentType;
}
