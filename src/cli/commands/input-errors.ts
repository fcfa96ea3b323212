/** Zod issues as the command line speaks: named by the option the user typed, one per line. */
export interface InputIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

export function formatIssues(issues: readonly InputIssue[], names: Record<string, string>): string {
  const lines = issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const index = issue.path.length > 1 ? ` (value ${Number(issue.path[1]) + 1})` : '';
    const name = names[key] ?? (key || 'input');
    // zod words a missing value as a type error; on a command line it is simply missing.
    const message = /received undefined$/.test(issue.message) ? 'required' : issue.message;
    return `  ${name}${index}: ${message}`;
  });
  return `Invalid input:\n${lines.join('\n')}`;
}
