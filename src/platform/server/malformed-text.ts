import type { FieldError } from './errors.js';

/**
 * Text that PostgreSQL cannot store as it came: NUL (refused in text and jsonb, which made a 500) and lone
 * UTF-16 surrogates (a JSON escape such as "\ud800" parses to one; the database driver writes it as U+FFFD,
 * so what is stored differs from what was checked and hashed). Such text is refused where a request is
 * parsed, before it can reach a row, a log line or the audit chain.
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed();
}

export const MALFORMED_TEXT_MESSAGE = 'Contains a character that cannot be stored (a NUL character or a lone UTF-16 surrogate)';

/**
 * The first place in a parsed JSON value (or query or params object) holding text that cannot be stored,
 * as a FieldError whose path names it (`body.persons.0.reference`), or null. Keys are checked too.
 */
export function findMalformedText(value: unknown, path: string): FieldError | null {
  if (typeof value === 'string') return isStorableText(value) ? null : { path, message: MALFORMED_TEXT_MESSAGE };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findMalformedText(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // A bad key cannot name itself readably; the object holding it is named instead.
      if (!isStorableText(key)) return { path, message: `A property name: ${MALFORMED_TEXT_MESSAGE.toLowerCase()}` };
      const found = findMalformedText(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** Replaces what cannot be stored by U+FFFD, for text that must be kept whatever it holds (the audit log). */
export function toStorableText(text: string): string {
  return text.toWellFormed().replaceAll('\u0000', '\uFFFD');
}
