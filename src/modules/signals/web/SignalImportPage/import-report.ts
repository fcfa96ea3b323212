import type { FieldProblem } from '../../../../platform/web/api-client';

/** One problem the import found, placed in the file. */
export interface BadRow {
  line: number | null;
  /** 1-based column number in the file, when the server named one. */
  column: number | null;
  /** The column's name (`purpose`), when the server named one. */
  columnName: string | null;
  message: string;
}

/**
 * Where the server says a problem is: `line 3, column 11 (purpose)`, `line 1, column 13` or `line 2`.
 * Any other path (a form field such as `municipality`) is kept as the column name, so nothing is lost.
 */
export function locateBadRow(problem: Pick<FieldProblem, 'path' | 'message'>): BadRow {
  const text = problem.path.trim();
  const match = /^line (\d+)(?:, column (\d+|\?))?(?: \(([^)]+)\))?$/i.exec(text);
  if (!match) return { line: null, column: null, columnName: text || null, message: problem.message };
  const column = match[2] && match[2] !== '?' ? Number(match[2]) : null;
  return { line: Number(match[1]), column, columnName: match[3] ?? null, message: problem.message };
}
