import type { LocatedIssue } from './issues.js';

/** `file:line:col path: message (hint)`, one issue a line group, as compilers print. */
export function formatIssue(issue: LocatedIssue): string {
  const where = issue.position ? `${issue.file}:${issue.position.line}:${issue.position.column}` : issue.file;
  const subject = issue.pathText ? ` ${issue.pathText}:` : '';
  const head = `${where}: ${issue.severity}:${subject} ${issue.message}`;
  return issue.hint ? `${head}\n    → ${issue.hint}` : head;
}

export function summarizeIssues(issues: readonly LocatedIssue[]): string {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
