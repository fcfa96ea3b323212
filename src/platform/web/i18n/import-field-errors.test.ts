import { describe, expect, it } from 'vitest';
import type { FieldErrorCode, FieldErrorParams } from '../../shared/field-errors';
import { WEB_MODULES } from '../modules';
import { fieldErrorMessage } from './field-error-message';
import { createI18n } from './index';

const dutch = createI18n(WEB_MODULES, 'nl');
const english = createI18n(WEB_MODULES, 'en');

/** The forbidden patterns of the form-errors browser test, plus the English of the import parsers. */
const DEVELOPER_TEXT = [/Invalid/i, /expected/i, /must be/i, /Too (small|big)/i, /\{\{/, /fieldErrors\./, /not a number/i, /more bad rows/i];

/** Each code a bad row of an import can carry, with the params the server sends (field-errors.ts). */
const IMPORT_ROWS: { code: FieldErrorCode; params: FieldErrorParams; nl: string; en: string }[] = [
  { code: 'invalid_area_code', params: {}, nl: "Dit is geen CBS-gebiedscode. Zo'n code begint met GM, WK of BU, zoals WK050503.", en: 'This is not a CBS area code. Such a code starts with GM, WK or BU, like WK050503.' },
  { code: 'unknown_area', params: { code: 'BU99990101', year: '2024' }, nl: 'Wijkregie kent gebied BU99990101 niet in 2024. Lees eerst de grenzen of een KWB-bestand van dat jaar in.', en: 'Wijkregie does not know area BU99990101 in 2024. Import the boundaries or a KWB file of that year first.' },
  { code: 'area_redivided', params: { code: 'WK050501', year: '2023' }, nl: 'Gebied WK050501 is vanaf 2023 opgedeeld of samengevoegd. Gebruik voor dit jaar de nieuwe gebiedscodes.', en: 'Area WK050501 was re-divided from 2023 on. Use the new area codes for this year.' },
  { code: 'unknown_indicator', params: { code: 'no_such_figure' }, nl: 'Wijkregie kent de indicator no_such_figure niet. Zet hem eerst in de catalogus.', en: 'Wijkregie does not know the indicator no_such_figure. Add it to the catalogue first.' },
  { code: 'duplicate_row', params: {}, nl: 'Dit staat twee keer in het bestand. Laat een van de twee weg.', en: 'This occurs twice in the file. Leave one of them out.' },
  { code: 'too_many_positions', params: { maximum: 50000 }, nl: 'Deze grens heeft te veel punten: hoogstens 50.000. Vereenvoudig de grens.', en: 'This boundary has too many points: at most 50,000. Simplify the boundary.' },
  { code: 'shares_not_whole', params: { total: 0.9 }, nl: 'De aandelen van dit gebied tellen op tot 0,9 in plaats van 1.', en: 'The shares of this area add up to 0.9 instead of 1.' },
  { code: 'crosswalk_conflict', params: { code: 'WK050501' }, nl: 'Deze regel past niet bij de andere regels van gebied WK050501 of bij wat Wijkregie er al van weet. Kijk de jaren, de codes en de basis na.', en: 'This line does not fit the other lines of area WK050501 or what Wijkregie already knows of it. Check the years, the codes and the basis.' },
  { code: 'unknown_column', params: { name: 'kleur' }, nl: 'De kolom kleur hoort niet in dit bestand. Haal hem weg of geef hem de goede naam.', en: 'The column kleur does not belong in this file. Remove it or give it the right name.' },
  { code: 'missing_column', params: { name: 'purpose' }, nl: 'De kolom purpose ontbreekt. Voeg hem toe aan de eerste regel.', en: 'The column purpose is missing. Add it to the first line.' },
  { code: 'more_not_listed', params: { count: 1200 }, nl: 'Er zijn nog 1.200 problemen die hier niet staan.', en: 'There are 1,200 more problems that are not listed here.' },
  { code: 'invalid_date', params: { written: 'iso' }, nl: 'Dit is geen datum en tijd die bestaat. Schrijf ze zoals 2026-09-01T08:00:00Z.', en: 'This is not a date and time that exists. Write it like 2026-09-01T08:00:00Z.' },
  { code: 'invalid_date', params: { written: 'iso_day' }, nl: 'Dit is geen datum die bestaat. Schrijf hem zoals 2026-09-01.', en: 'This is not a date that exists. Write it like 2026-09-01.' },
  // Form codes the import rows reuse: a year is a text param, so it is not written as 2.100.
  { code: 'out_of_range', params: { minimum: '1990', maximum: '2100' }, nl: 'Dit moet liggen tussen 1990 en 2100.', en: 'This must lie between 1990 and 2100.' },
  { code: 'out_of_range', params: { minimum: 0, maximum: 1 }, nl: 'Dit moet liggen tussen 0 en 1.', en: 'This must lie between 0 and 1.' },
];

describe('the words of an import row', () => {
  it('reads without the names when the server sent none, never showing a placeholder', () => {
    expect(fieldErrorMessage({ code: 'unknown_area', params: {} }, dutch.t, 'nl')).toBe('Wijkregie kent dit gebied niet in dat jaar. Lees eerst de grenzen of een KWB-bestand van dat jaar in.');
    expect(fieldErrorMessage({ code: 'more_not_listed', params: {} }, english.t, 'en')).toBe('There are more problems that are not listed here.');
  });

  it.each(IMPORT_ROWS)('$code reads in Dutch and English with its params', ({ code, params, nl, en }) => {
    expect(fieldErrorMessage({ code, params }, dutch.t, 'nl')).toBe(nl);
    expect(fieldErrorMessage({ code, params }, english.t, 'en')).toBe(en);
  });

  it.each(IMPORT_ROWS)('$code has no developer text and addresses the user with je', ({ code, params }) => {
    const nl = fieldErrorMessage({ code, params }, dutch.t, 'nl');
    const en = fieldErrorMessage({ code, params }, english.t, 'en');
    for (const pattern of DEVELOPER_TEXT) {
      expect(nl).not.toMatch(pattern);
      expect(en).not.toMatch(pattern);
    }
    expect(nl).not.toMatch(/\b(u|uw)\b/i);
  });
});
