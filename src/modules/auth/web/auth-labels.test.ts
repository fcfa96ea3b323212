import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../platform/web/i18n';
import { WEB_MODULES } from '../../../platform/web/modules';
import { ORGANISATION_KIND_CODES } from './auth-labels';

describe('organisation kinds', () => {
  it('have a label in Dutch and English', () => {
    for (const locale of ['nl', 'en'] as const) {
      const i18n = createI18n(WEB_MODULES, locale);
      for (const kind of ORGANISATION_KIND_CODES) expect(i18n.exists(`common:organisationKinds.${kind}`), `${kind} (${locale})`).toBe(true);
    }
  });

  it('use the Dutch names of the brief', () => {
    const i18n = createI18n(WEB_MODULES, 'nl');
    expect(ORGANISATION_KIND_CODES.map((kind) => i18n.t(`common:organisationKinds.${kind}`))).toEqual([
      'Gemeente',
      'Politie',
      'Woningcorporatie',
      'Welzijn en zorg',
      'Zorg- en Veiligheidshuis',
      'Onderwijs',
      'Bewonersorganisatie',
      'Ondernemers',
      'Rijk',
      'Overig',
    ]);
  });
});
