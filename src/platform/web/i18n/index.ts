import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Translations, WebModule } from '../web-module';
import { setDisplayLocale } from './format';
import en from './en.json';
import nl from './nl.json';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';
export const COMMON_NAMESPACE = 'common';

const STORAGE_KEY = 'wijkregie.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

/** The choice made in this browser, if any. Storage can be blocked (private mode): then there is none. */
export function readStoredLocale(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not being able to remember the choice is no reason to refuse it.
  }
}

/** All texts per locale and namespace: the platform's own plus each module's. */
export function collectResources(modules: readonly WebModule[]): Record<Locale, Record<string, Translations>> {
  const resources: Record<Locale, Record<string, Translations>> = {
    nl: { [COMMON_NAMESPACE]: nl },
    en: { [COMMON_NAMESPACE]: en },
  };
  for (const module of modules) {
    resources.nl[module.namespace] = module.translations.nl;
    resources.en[module.namespace] = module.translations.en;
  }
  return resources;
}

function applyDocumentLanguage(locale: string): void {
  setDisplayLocale(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Creates the app's i18n instance; synchronous, because every text ships in the bundle. */
export function createI18n(modules: readonly WebModule[], locale: Locale = readStoredLocale() ?? DEFAULT_LOCALE): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: collectResources(modules),
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    ns: [COMMON_NAMESPACE, ...modules.map((module) => module.namespace)],
    defaultNS: COMMON_NAMESPACE,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  applyDocumentLanguage(locale);
  instance.on('languageChanged', applyDocumentLanguage);
  return instance;
}
