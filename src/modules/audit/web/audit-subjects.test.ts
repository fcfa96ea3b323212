import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../platform/web/i18n';
import { AUDIT_SUBJECT_TYPES, auditSubjectLabel } from './audit-subjects';
import en from './i18n/en.json';
import nl from './i18n/nl.json';
import { auditWebModule } from './index';

const SRC = join(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The subject types in every withAudit(...) and auditRead(...) call of the server code: `{ type: '…'`. */
function subjectTypesWritten(): string[] {
  const types = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/\b(?:withAudit|auditRead)\([\s\S]*?\{\s*type:\s*([^,}]+)/g)) {
      for (const type of (call[1] ?? '').matchAll(/'([a-z_]+)'/g)) types.add(type[1] ?? '');
    }
  }
  return [...types].sort();
}

describe('audit subject names', () => {
  it('the list holds exactly the subject types the server writes', () => {
    const written = subjectTypesWritten();
    expect(written.length).toBeGreaterThan(20);
    expect([...AUDIT_SUBJECT_TYPES].sort()).toEqual(written);
  });

  it.each(AUDIT_SUBJECT_TYPES)('%s has a name in Dutch and in English that is not the code', (type) => {
    for (const dictionary of [nl, en]) {
      const name = (dictionary.subjects as Record<string, string | undefined>)[type];
      expect(typeof name, type).toBe('string');
      expect(name).not.toContain(type);
    }
  });

  it('shows a name, and an unknown type as "other subject" with the type in brackets', () => {
    const dutch = createI18n([auditWebModule], 'nl');
    expect(auditSubjectLabel(dutch, 'budget_line')).toBe('Begrotingsregel');
    expect(auditSubjectLabel(dutch, 'something_new')).toBe('Ander onderwerp (something_new)');
    const english = createI18n([auditWebModule], 'en');
    expect(auditSubjectLabel(english, 'signal')).toBe('Signal');
  });
});
