import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IsoDate, IsoDateTime } from '../shared/dates.js';
import { fieldErrorsOfIssues } from './field-error-codes.js';

/** The codes a schema's issues get for an input, per path. */
function codesOf(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected a failure');
  return fieldErrorsOfIssues(parsed.error.issues, input).map(({ path, code, params }) => ({ path, code, ...(params ? { params } : {}) }));
}

const Form = z.strictObject({
  title: z.string().trim().min(1).max(200),
  code: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'a code of lowercase letters, digits and -'),
  name: z.string().min(3).optional(),
  amountCents: z.number().int().nonnegative().max(1_000_000).optional(),
  share: z.number().positive().optional(),
  kind: z.enum(['a', 'b']).optional(),
  roles: z.array(z.string()).min(1).max(2).optional(),
  on: IsoDate.optional(),
  at: IsoDateTime.optional(),
});

describe('field error codes of validator issues', () => {
  it('calls a missing or empty text required', () => {
    expect(codesOf(Form, {})).toEqual([
      { path: 'title', code: 'required' },
      { path: 'code', code: 'required' },
    ]);
    expect(codesOf(Form, { title: '   ', code: null })).toEqual([
      { path: 'title', code: 'required' },
      { path: 'code', code: 'required' },
    ]);
  });

  it('gives lengths, counts and number limits as parameters', () => {
    expect(codesOf(Form, { title: 'x'.repeat(201), code: 'ok-code', name: 'ab', roles: ['a', 'b', 'c'] })).toEqual([
      { path: 'title', code: 'too_long', params: { maximum: 200 } },
      { path: 'name', code: 'too_short', params: { minimum: 3 } },
      { path: 'roles', code: 'too_many', params: { maximum: 2 } },
    ]);
    expect(codesOf(Form, { title: 't', code: 'ok-code', amountCents: -5, share: 0, roles: [] })).toEqual([
      { path: 'amountCents', code: 'too_small', params: { minimum: 0, inclusive: true } },
      { path: 'share', code: 'too_small', params: { minimum: 0, inclusive: false } },
      { path: 'roles', code: 'required' },
    ]);
    expect(codesOf(Form, { title: 't', code: 'ok-code', amountCents: 2_000_000 })).toEqual([{ path: 'amountCents', code: 'too_large', params: { maximum: 1_000_000, inclusive: true } }]);
  });

  it('tells a wrong kind of number, a bad code and a wrong choice apart', () => {
    expect(codesOf(Form, { title: 't', code: 'Not A Code', amountCents: 1.5, share: 'veel', kind: 'c' })).toEqual([
      { path: 'code', code: 'invalid_format' },
      { path: 'amountCents', code: 'not_whole_number' },
      { path: 'share', code: 'not_a_number' },
      { path: 'kind', code: 'invalid_choice' },
    ]);
  });

  it('calls a bad date invalid_date and a date out of range out_of_range with the range', () => {
    expect(codesOf(Form, { title: 't', code: 'ok-code', on: '2023-02-29', at: 'gisteren' })).toEqual([
      { path: 'on', code: 'invalid_date' },
      { path: 'at', code: 'invalid_date' },
    ]);
    expect(codesOf(Form, { title: 't', code: 'ok-code', on: '1850-01-01', at: '2300-01-01T00:00:00Z' })).toEqual([
      { path: 'on', code: 'out_of_range', params: { minimum: '1900-01-01', maximum: '2199-12-31' } },
      { path: 'at', code: 'out_of_range', params: { minimum: '1900-01-01', maximum: '2199-12-31' } },
    ]);
  });

  it('names an unknown property and a refine without a code of its own', () => {
    const Either = z.strictObject({ a: z.string().optional() }).refine((v) => v.a !== undefined, { message: 'give a', path: ['a'] });
    // zod still runs the refine after an unknown property; both are reported.
    expect(codesOf(Either, { b: 1 })).toEqual([
      { path: 'form', code: 'unknown_field' },
      { path: 'a', code: 'invalid' },
    ]);
    expect(codesOf(Either, {})).toEqual([{ path: 'a', code: 'invalid' }]);
  });
});
