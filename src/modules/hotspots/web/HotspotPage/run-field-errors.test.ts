import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../../../platform/web/api-client';
import { WEB_MODULES } from '../../../../platform/web/modules';
import { createI18n } from '../../../../platform/web/i18n';
import { checkSignalPeriod, runFieldLinks, runFieldMessages } from './run-field-errors';

const { t } = createI18n(WEB_MODULES, 'nl');

describe('the hot-spot run form', () => {
  it('checks the period in the words of the mapping', () => {
    expect(checkSignalPeriod('', '2026-06-01', t, 'nl')).toEqual({ 'hotspot-from': 'Dit is verplicht: vul het in of kies iets.' });
    expect(checkSignalPeriod('2026-12-31', '2026-01-01', t, 'nl')).toEqual({ 'hotspot-to': 'Kies 31 dec 2026 of later.' });
    expect(checkSignalPeriod('2026-01-01', '2026-12-31', t, 'nl')).toEqual({});
  });

  it("gives a nested server error to its control by the path's last part, and links it", () => {
    const error = parseProblem(422, {
      type: 'urn:wijkregie:problem:hotspots.invalid_period',
      title: 'The period ends before it starts',
      status: 422,
      errors: [{ path: 'source.signals.to', message: 'must not be before from', code: 'date_before_start' }],
    });
    const messages = runFieldMessages(error, t, 'nl');
    expect(messages).toEqual({ 'hotspot-to': 'Deze datum ligt vóór de begindatum.' });
    expect(runFieldLinks(messages, () => 'Tot en met')).toEqual([{ fieldId: 'hotspot-to', label: 'Tot en met', message: 'Deze datum ligt vóór de begindatum.' }]);
  });
});
