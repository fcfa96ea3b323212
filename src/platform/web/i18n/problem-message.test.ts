import { describe, expect, it } from 'vitest';
import { parseProblem } from '../api-client';
import { WEB_MODULES } from '../modules';
import { createI18n } from './index';
import { problemMessage } from './problem-message';

const dutch = createI18n(WEB_MODULES, 'nl');
const english = createI18n(WEB_MODULES, 'en');

const problem = (code: string, status: number, detail: string) => parseProblem(status, { type: `urn:wijkregie:problem:${code}`, title: 'x', status, detail });

describe('the sentence about what went wrong', () => {
  it('is ours for a code we know', () => {
    expect(problemMessage(problem('signal.invalid', 422, 'The signal does not meet the rules'), dutch.t)).toBe('Het signaal voldoet niet aan de regels. Kijk de gemarkeerde velden na.');
    expect(problemMessage(problem('signal.invalid', 422, 'The signal does not meet the rules'), english.t)).toBe('The signal does not meet the rules. Check the marked fields.');
  });

  it("is never the server's English detail: an unknown code gets the words of its status", () => {
    expect(problemMessage(problem('something.new', 422, 'Invalid input: expected string'), dutch.t)).toBe('Niet alle gegevens zijn goed ingevuld.');
    expect(problemMessage(problem('something.new', 409, 'Conflict on row 3'), dutch.t)).toBe('Dit bestaat al of is intussen gewijzigd.');
    expect(problemMessage(problem('something.new', 418, 'I am a teapot'), dutch.t)).toBe('Er ging iets mis (418).');
  });
});
