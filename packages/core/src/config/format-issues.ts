import { printable } from '../errors/printable.js';
import type { LocatedIssue } from './issues.js';

/** Long enough for any message of ours; what a file put in one is cut where it was quoted (60). */
const MESSAGE_LENGTH = 600;

/**
 * `file:line:col path: message (hint)`, one issue a line group, as compilers print. Every part is
 * escaped (`printable`) once more: no control character, escape sequence or direction mark from a
 * file reaches the terminal, whichever rule quoted it.
 */
export function formatIssue(issue: LocatedIssue): string {
  const file = printable(issue.file, MESSAGE_LENGTH);
  const where = issue.position ? `${file}:${issue.position.line}:${issue.position.column}` : file;
  const subject = issue.pathText ? ` ${printable(issue.pathText, MESSAGE_LENGTH)}:` : '';
  const head = `${where}: ${issue.severity}:${subject} ${printable(issue.message, MESSAGE_LENGTH)}`;
  return issue.hint ? `${head}\n    → ${printable(issue.hint, MESSAGE_LENGTH)}` : head;
}

export function summarizeIssues(issues: readonly LocatedIssue[]): string {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
