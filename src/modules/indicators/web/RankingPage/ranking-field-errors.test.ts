import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../../../platform/web/api-client';
import { WEB_MODULES } from '../../../../platform/web/modules';
import { createI18n } from '../../../../platform/web/i18n';
import { criteriaFieldErrors, previewFieldErrors } from './ranking-field-errors';

const { t } = createI18n(WEB_MODULES, 'nl');
const nameOf = (code: string) => ({ a: 'Inwoners', b: 'Woningen' })[code] ?? code;
const criteria = [
  { indicator: 'a', weight: 150, direction: 'higher_is_worse' as const },
  { indicator: 'b', weight: 20, direction: 'higher_is_worse' as const },
];

describe('the ranking form puts each problem at its control', () => {
  it('no criterion at the picker, a weight out of range at that weight', () => {
    expect(criteriaFieldErrors(['indicators:ranking.problems.none'], [], nameOf, t, 'nl')).toEqual([{ id: 'ranking-add', label: 'Indicator toevoegen', message: 'Kies minstens één indicator.' }]);
    expect(criteriaFieldErrors(['indicators:ranking.problems.weightRange'], criteria, nameOf, t, 'nl')).toEqual([{ id: 'weight-a', label: 'Gewicht (Inwoners)', message: 'Dit moet liggen tussen 0 en 100.' }]);
  });

  it("gives the server's errors to the criterion sent at that index", () => {
    const error = parseProblem(422, {
      type: 'urn:wijkregie:problem:validation',
      title: 'Invalid content',
      status: 422,
      errors: [
        { path: 'body.criteria.1.weight', message: 'Too big', code: 'too_large', params: { maximum: 100, inclusive: true } },
        { path: 'body.period', message: 'Invalid', code: 'invalid' },
      ],
    });
    expect(previewFieldErrors(error, criteria, nameOf, t, 'nl')).toEqual([
      { id: 'weight-b', label: 'Gewicht (Woningen)', message: 'Vul 100 of minder in.' },
      { id: 'ranking-year', label: 'Jaar', message: 'Dit klopt niet. Kijk het na.' },
    ]);
  });
});
