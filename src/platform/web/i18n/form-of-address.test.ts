import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * One form of address in Dutch: "je" (issue 13, item 8). Every nl.json of the platform and the modules is
 * read; a text that addresses the user with u or uw fails, naming the key.
 */

const SRC = fileURLToPath(new URL('../../../', import.meta.url));
const U_FORM = /\b(u|uw|U|Uw|UW)\b/;

function dutchFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return dutchFiles(full);
    return name === 'nl.json' ? [full] : [];
  });
}

function texts(value: unknown, key: string): [string, string][] {
  if (typeof value === 'string') return [[key, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([child, nested]) => texts(nested, key ? `${key}.${child}` : child));
}

describe('the Dutch texts', () => {
  const files = dutchFiles(SRC);

  it('are found: the platform and every module with a web part', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((file) => [path.relative(SRC, file), file]))('%s addresses the user with je, never with u or uw', (_name, file) => {
    const found = texts(JSON.parse(readFileSync(file, 'utf8')), '').filter(([, text]) => U_FORM.test(text.replace(/\{\{[^}]*\}\}/g, '')));
    expect(found.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it('catches a u-form (the check itself can fail)', () => {
    expect(U_FORM.test('Weet u het zeker?')).toBe(true);
    expect(U_FORM.test('Uw wijzigingen zijn opgeslagen.')).toBe(true);
    expect(U_FORM.test('Weet je het zeker? Uur, uitleg en UTC blijven.')).toBe(false);
  });
});
