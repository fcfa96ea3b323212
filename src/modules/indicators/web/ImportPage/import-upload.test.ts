import { afterEach, describe, expect, it } from 'vitest';
import { ApiProblem, setCsrfToken } from '../../../../platform/web/api-client';
import { locateProblem, uploadImport } from './import-upload';

describe('locateProblem', () => {
  it.each([
    ['line 4, column indicator', 4, 'indicator'],
    ['line:7/value', 7, 'value'],
    ['regel 3 kolom area_code', 3, 'area_code'],
    ['rows.12.period', 12, 'period'],
    ['5.value', 5, 'value'],
    ['features.2.properties.code', 2, 'code'],
    ['line 9', 9, null],
    ['feature 3 (GM0505), geometry', 3, 'GM0505 geometry'],
    ['feature 1, property name', 1, 'name'],
    ['feature 2', 2, null],
  ])('%s', (path, line, column) => {
    expect(locateProblem(path, 'x')).toEqual({ line, column, message: 'x' });
  });

  it('keeps a path it does not understand', () => {
    expect(locateProblem('header', 'missing column value')).toEqual({ line: null, column: 'header', message: 'missing column value' });
    expect(locateProblem('', 'empty file')).toEqual({ line: null, column: null, message: 'empty file' });
  });
});

describe('uploadImport', () => {
  afterEach(() => setCsrfToken(null));

  it('sends multipart with the CSRF token and returns the result', async () => {
    setCsrfToken('token-1');
    let seen: RequestInit | undefined;
    const result = await uploadImport({ kind: 'values-csv', year: 2020, file: new File(['a'], 'x.csv') }, async (_url, init) => {
      seen = init;
      return new Response(JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', rows: 3, status: 'applied' }), { status: 201, headers: { 'content-type': 'application/json' } });
    });
    expect(result.rows).toBe(3);
    expect((seen?.headers as Record<string, string>)['x-csrf-token']).toBe('token-1');
    const body = seen?.body as FormData;
    expect(body.get('kind')).toBe('values-csv');
    expect(body.get('year')).toBe('2020');
    expect((body.get('file') as File).name).toBe('x.csv');
  });

  it('turns a 422 into a problem with every bad row', async () => {
    const problem = { type: 'urn:wijkregie:problem:imports.invalid', title: 'Invalid file', status: 422, detail: '2 bad rows', errors: [{ path: 'line 2, column indicator', message: 'unknown indicator' }, { path: 'line 3, column value', message: 'not a number' }] };
    const error = await uploadImport({ kind: 'values-csv', file: new File(['a'], 'x.csv') }, async () => new Response(JSON.stringify(problem), { status: 422, headers: { 'content-type': 'application/problem+json' } })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).errors).toHaveLength(2);
    expect((error as ApiProblem).code).toBe('imports.invalid');
  });
});
