import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/permissions';
import { WEB_MODULES } from '../modules';
import type { Translations } from '../web-module';
import { collectResources, createI18n } from './index';

/** Every key path in a dictionary, e.g. `login.username`. */
function keyPaths(dictionary: Translations, prefix = ''): string[] {
  return Object.entries(dictionary).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`)));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

function valueAt(dictionary: Translations, path: string): string | undefined {
  let current: string | Translations | undefined = dictionary;
  for (const part of path.split('.')) {
    if (typeof current !== 'object') return undefined;
    current = current[part];
  }
  return typeof current === 'string' ? current : undefined;
}

const resources = collectResources(WEB_MODULES);
const namespaces = Object.keys(resources.nl);

describe('translations', () => {
  it('cover the platform and every module', () => {
    expect(namespaces).toEqual(['common', ...WEB_MODULES.map((module) => module.namespace)]);
  });

  it.each(namespaces)('%s: Dutch and English have exactly the same keys', (namespace) => {
    const nl = resources.nl[namespace] ?? {};
    const en = resources.en[namespace] ?? {};
    expect(keyPaths(en).sort()).toEqual(keyPaths(nl).sort());
  });

  it.each(namespaces)('%s: no text is empty and placeholders match between the languages', (namespace) => {
    const nl = resources.nl[namespace] ?? {};
    const en = resources.en[namespace] ?? {};
    for (const path of keyPaths(nl)) {
      const dutch = valueAt(nl, path) ?? '';
      const english = valueAt(en, path) ?? '';
      expect(dutch.trim(), `${namespace}:${path} (nl)`).not.toBe('');
      expect(english.trim(), `${namespace}:${path} (en)`).not.toBe('');
      expect(placeholders(english), `${namespace}:${path}`).toEqual(placeholders(dutch));
    }
  });

  it('every menu entry has a label and a description in both languages', () => {
    for (const locale of ['nl', 'en'] as const) {
      const i18n = createI18n(WEB_MODULES, locale);
      for (const entry of WEB_MODULES.flatMap((module) => module.nav)) {
        for (const key of [entry.labelKey, entry.descriptionKey]) {
          expect(i18n.exists(key), `${key} (${locale})`).toBe(true);
        }
      }
    }
  });

  it('has a label for every role', () => {
    for (const locale of ['nl', 'en'] as const) {
      const i18n = createI18n(WEB_MODULES, locale);
      for (const role of ROLES) expect(i18n.exists(`common:roles.${role}`), `${role} (${locale})`).toBe(true);
    }
  });

  it('speaks Dutch by default', () => {
    const i18n = createI18n(WEB_MODULES, 'nl');
    expect(i18n.t('common:login.submit')).toBe('Inloggen');
    expect(i18n.t('common:roles.viewer')).toBe('Bestuurder/raad (lezen)');
    expect(i18n.t('common:organisationKinds.zorg_veiligheidshuis')).toBe('Zorg- en Veiligheidshuis');
  });
});
