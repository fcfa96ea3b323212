import { describe, expect, it } from 'vitest';
import { FIELD_ERROR_CODES } from '../../shared/field-errors';
import { parseProblem } from '../api-client';
import { WEB_MODULES } from '../modules';
import { fieldErrorMessage, fieldMessages } from './field-error-message';
import { createI18n } from './index';

const dutch = createI18n(WEB_MODULES, 'nl');
const english = createI18n(WEB_MODULES, 'en');

/** What a page must never show: the validator's or the server's English, or a raw code. */
const DEVELOPER_TEXT = [/Invalid/i, /expected/i, /must be/i, /Too (small|big)/i, /\{\{/, /fieldErrors\./, /validation\./, /YYYY/];

describe('the field error words', () => {
  it.each(FIELD_ERROR_CODES)('%s has Dutch and English words without developer text', (code) => {
    const params = { minimum: 3, maximum: 200 };
    const nl = fieldErrorMessage({ code, params }, dutch.t, 'nl');
    const en = fieldErrorMessage({ code, params }, english.t, 'en');
    expect(nl).not.toBe(en);
    for (const pattern of DEVELOPER_TEXT) {
      expect(nl).not.toMatch(pattern);
      expect(en).not.toMatch(pattern);
    }
  });

  it('puts limits in the words, numbers and dates in the style of the language', () => {
    expect(fieldErrorMessage({ code: 'too_long', params: { maximum: 2000 } }, dutch.t, 'nl')).toBe('Dit is te lang: gebruik hoogstens 2.000 tekens.');
    expect(fieldErrorMessage({ code: 'too_long', params: { maximum: 2000 } }, english.t, 'en')).toBe('This is too long: use at most 2,000 characters.');
    expect(fieldErrorMessage({ code: 'out_of_range', params: { minimum: '1900-01-01', maximum: '2199-12-31' } }, dutch.t, 'nl')).toBe('Dit moet liggen tussen 1 jan 1900 en 31 dec 2199.');
    expect(fieldErrorMessage({ code: 'too_small', params: { minimum: 0, inclusive: true } }, dutch.t, 'nl')).toBe('Vul 0 of meer in.');
    expect(fieldErrorMessage({ code: 'too_small', params: { minimum: 0, inclusive: false } }, english.t, 'en')).toBe('Enter more than 0.');
    expect(fieldErrorMessage({ code: 'date_before_start', params: { start: '2026-12-07' } }, dutch.t, 'nl')).toBe('Kies 7 dec 2026 of later.');
  });

  it('words the fields of a problem body, never its English message', () => {
    const problem = parseProblem(422, {
      type: 'urn:wijkregie:problem:validation',
      title: 'Invalid content',
      status: 422,
      detail: 'The request does not match the schema',
      errors: [
        { path: 'body.title', message: 'Too small: expected string to have >=1 characters', code: 'required' },
        { path: 'body.occurredAt', message: 'Invalid ISO datetime', code: 'invalid_date' },
        { path: 'body.occurredAt', message: 'second error of the same field' },
        { path: 'body.code', message: 'a code of lowercase letters, digits and -' },
      ],
    });
    expect(fieldMessages(problem, dutch.t, 'nl')).toEqual({
      title: 'Dit is verplicht: vul het in of kies iets.',
      occurredAt: 'Vul een datum in die bestaat, zoals 31-12-2026.',
      code: 'Dit klopt niet. Kijk het na.',
    });
    expect(fieldMessages(new Error('network'), dutch.t, 'nl')).toEqual({});
  });
});
