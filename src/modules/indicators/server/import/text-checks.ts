/**
 * Text from an uploaded file that PostgreSQL cannot store as it is: a NUL character (text cannot hold it:
 * the insert fails) and a lone surrogate (JSON's "\ud800" escape; the driver would silently store U+FFFD
 * instead). Refused as a bad row, naming where, rather than failing with a 500 or storing something else.
 */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (!text.isWellFormed()) return 'contains invalid text (a lone surrogate, e.g. a "\\ud800" escape)';
  return null;
}

/** Nesting followed inside a property value; deeper values are never read, so never stored. */
const MAX_DEPTH = 8;

/**
 * Every key and string in a feature's properties (nested objects and arrays included) that `textProblem`
 * refuses, as [property path, problem].
 */
export function propertyTextProblems(properties: Record<string, unknown>): [string, string][] {
  const found: [string, string][] = [];
  const visit = (value: unknown, path: string, depth: number) => {
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) found.push([path, problem]);
      return;
    }
    if (!value || typeof value !== 'object' || depth >= MAX_DEPTH) return;
    for (const [key, inner] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      const shown = keyProblem ? JSON.stringify(key).slice(1, -1).slice(0, 60) : key.slice(0, 60);
      if (keyProblem) found.push([`${path ? `${path}.` : ''}${shown}`, `the property name ${keyProblem}`]);
      visit(inner, `${path ? `${path}.` : ''}${shown}`, depth + 1);
    }
  };
  visit(properties, '', 0);
  return found;
}
