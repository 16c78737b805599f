import { printable } from '../errors/printable.js';
/** One problem found in a config file: where (a path into the file), what, and what to write instead. */
export interface ConfigIssue {
  /** Path into the document, e.g. `['hubs', 1, 'profiles', 0, 'nodeGroup']`. */
  path: (string | number)[];
  message: string;
  /** What to write instead. */
  hint?: string;
  severity: 'error' | 'warning';
  /** Point at the key itself rather than its value (unknown keys, duplicate names). */
  atKey?: boolean;
}

export interface SourcePosition {
  line: number;
  column: number;
}

export interface LocatedIssue extends ConfigIssue {
  file: string;
  /** `hubs[1].profiles[0].nodeGroup`; empty for the whole file. */
  pathText: string;
  position?: SourcePosition;
}

/** `hubs[1].storage.size`; a key from the file is escaped and cut (`printable`): it may be anything. */
export function formatPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const part of path) {
    const key = typeof part === 'number' ? '' : printable(part);
    text += typeof part === 'number' ? `[${part}]` : text === '' ? key : `.${key}`;
  }
  return text;
}

export function error(path: (string | number)[], message: string, hint?: string): ConfigIssue {
  return hint === undefined
    ? { path, message, severity: 'error' }
    : { path, message, hint, severity: 'error' };
}

export function warning(path: (string | number)[], message: string, hint?: string): ConfigIssue {
  return hint === undefined
    ? { path, message, severity: 'warning' }
    : { path, message, hint, severity: 'warning' };
}
