import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../platform/web/i18n';
import { AUDIT_ACTIONS, auditActionLabel } from './audit-actions';
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

/** The action codes in every withAudit(...) and auditRead(...) call of the server code, up to the subject. */
function actionsWritten(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/\b(?:withAudit|auditRead)\(([\s\S]*?)\{\s*type:/g)) {
      for (const code of (call[1] ?? '').matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) codes.add(code[1] ?? '');
    }
  }
  return [...codes].sort();
}

function labelIn(dictionary: unknown, code: string): unknown {
  let node: unknown = (dictionary as { actions?: unknown }).actions;
  for (const part of code.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

describe('audit action labels', () => {
  it('the list holds exactly the action codes the server writes', () => {
    const written = actionsWritten();
    expect(written.length).toBeGreaterThan(50);
    expect([...AUDIT_ACTIONS].sort()).toEqual(written);
  });

  it.each(AUDIT_ACTIONS)('%s has a label in Dutch and in English that is not the code', (code) => {
    for (const dictionary of [nl, en]) {
      const label = labelIn(dictionary, code);
      expect(typeof label, code).toBe('string');
      expect(String(label).trim()).not.toBe('');
      expect(label).not.toContain(code);
    }
  });

  it('shows a label, and an unknown code as "other action" with the code in brackets', () => {
    const dutch = createI18n([auditWebModule], 'nl');
    expect(auditActionLabel(dutch, 'auth.login')).toBe('Ingelogd');
    expect(auditActionLabel(dutch, 'something.new')).toBe('Overige handeling (something.new)');
    const english = createI18n([auditWebModule], 'en');
    expect(auditActionLabel(english, 'auth.login')).toBe('Logged in');
    expect(auditActionLabel(english, 'something.new')).toBe('Other action (something.new)');
  });
});
