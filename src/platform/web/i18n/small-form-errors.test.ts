import { describe, expect, it } from 'vitest';
import { parseProblem } from '../api-client';
import { WEB_MODULES } from '../modules';
import { createI18n } from './index';
import { oneFieldError, textCheck } from './small-form-errors';

const dutch = createI18n(WEB_MODULES, 'nl');
const english = createI18n(WEB_MODULES, 'en');
const field = { name: 'reason', id: 'escalate-action-1', label: 'Reden' };
const tooLong = parseProblem(422, {
  type: 'urn:wijkregie:problem:validation',
  title: 'Invalid content',
  status: 422,
  errors: [{ path: 'body.reason', message: 'Too big: expected string to have <=2000 characters', code: 'too_long', params: { maximum: 2000 } }],
});

describe('the small forms of one text', () => {
  it('words the browser check as the mapping does: empty is required, short says the minimum', () => {
    expect(textCheck('  ', 10, dutch.t, 'nl')).toBe('Dit is verplicht: vul het in of kies iets.');
    expect(textCheck('Te kort', 10, dutch.t, 'nl')).toBe('Dit is te kort: gebruik minstens 10 tekens.');
    expect(textCheck('Te kort', 10, english.t, 'en')).not.toMatch(/tekens/);
    expect(textCheck('Lang genoeg nu', 10, dutch.t, 'nl')).toBeUndefined();
  });

  it("puts the server's field error at the field and links it, never the server's English", () => {
    const { message, links } = oneFieldError(undefined, tooLong, field, dutch.t, 'nl');
    expect(message).toBe('Dit is te lang: gebruik hoogstens 2.000 tekens.');
    expect(links).toEqual([{ fieldId: 'escalate-action-1', label: 'Reden', message }]);
  });

  it("prefers the browser's check, and gives nothing for an error of another field", () => {
    expect(oneFieldError('Eigen', tooLong, field, dutch.t, 'nl').message).toBe('Eigen');
    expect(oneFieldError(undefined, tooLong, { ...field, name: 'resolution' }, dutch.t, 'nl')).toEqual({ message: undefined, links: [] });
  });
});
