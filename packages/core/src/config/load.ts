import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { looksBinary } from '../errors/printable.js';
import type { ProviderV1 } from '../provider/v1/provider.js';
import type { HubfleetConfig } from './deployment.js';
import { type ConfigIssue, formatPath, type LocatedIssue } from './issues.js';
import { positionOf } from './locate.js';
import type { ProviderRegistry } from './registry.js';
import { checkConfigRules } from './rules/index.js';
import { knownKeysAt } from './schema-walk.js';
import { checkReferencedFiles, checkSecretsResolve } from './secrets.js';
import { fromZodIssues } from './zod-issues.js';

/** A config file is a page or two of YAML; anything near this size is a mistake or an attack. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Enough for any honest reuse of anchors, far too few for a "billion laughs" expansion. */
export const MAX_ALIAS_COUNT = 100;

export interface LoadOptions {
  registry: ProviderRegistry;
  /** The name shown in messages; also the base for relative paths. */
  file: string;
  /** Check that secret references resolve (environment variables set, files readable). */
  /** Check that secret references resolve and referenced files exist on this machine. */
  checkSecrets?: boolean;
  env?: Readonly<Record<string, string | undefined>>;
  /** "Today" for date-dependent provider rules. @default new Date() */
  today?: Date;
}

export interface LoadResult {
  /** The validated, defaulted config; absent when any error was found. */
  config?: HubfleetConfig;
  provider?: ProviderV1;
  /** Errors and warnings, in file order. */
  issues: LocatedIssue[];
}

const STARTER_HINT = 'start from one of the files in examples/, e.g. examples/quickstart.yaml';

function locate(
  issues: ConfigIssue[],
  file: string,
  document?: Document,
  lineCounter?: LineCounter,
): LocatedIssue[] {
  return issues
    .map((issue) => {
      const located: LocatedIssue = { ...issue, file, pathText: formatPath(issue.path) };
      const position =
        document && lineCounter ? positionOf(document, lineCounter, issue.path, issue.atKey) : undefined;
      if (position) located.position = position;
      return located;
    })
    .sort(
      (a, b) =>
        (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
        (a.position?.column ?? 0) - (b.position?.column ?? 0),
    );
}

function fileIssue(
  file: string,
  message: string,
  hint: string,
  position?: { line: number; column: number },
): LocatedIssue {
  const issue: LocatedIssue = { path: [], pathText: '', file, message, hint, severity: 'error' };
  if (position) issue.position = position;
  return issue;
}

function parseYaml(
  text: string,
  file: string,
): { document?: Document; lineCounter: LineCounter; data?: unknown; issues: LocatedIssue[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    const issues = document.errors.map((problem) => {
      const { line, col } = lineCounter.linePos(problem.pos[0]);
      const message = problem.message.split('\n')[0] ?? problem.message;
      return fileIssue(
        file,
        `YAML syntax error: ${message}`,
        'fix the YAML at this position (indentation, a missing ":" or an unclosed quote)',
        { line, column: col },
      );
    });
    return { lineCounter, issues };
  }
  try {
    const data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { document, lineCounter, data, issues: [] };
  } catch (problem) {
    const message = problem instanceof Error ? problem.message : String(problem);
    return {
      lineCounter,
      issues: [
        fileIssue(
          file,
          `YAML aliases expand too far (${message.split('\n')[0]})`,
          `use at most ${MAX_ALIAS_COUNT} aliases and no nested alias chains`,
        ),
      ],
    };
  }
}

/** What is said of a file that is not a config at all: its content is never quoted (it may be a password file). */
const NOT_A_CONFIG_HINT = `check the path given with -c; ${STARTER_HINT}`;

function binaryIssue(file: string): LocatedIssue {
  return fileIssue(
    file,
    'the file is binary (NUL bytes or invalid UTF-8), not a YAML config; its content is not shown',
    NOT_A_CONFIG_HINT,
  );
}

/**
 * A mapping that is not hubfleet's shape (no `apiVersion`, and most of its top-level keys are no
 * section of hubfleet's) is some other file: one issue that names no key, instead of an "unknown
 * field" per line that would print the file back (a password file's lines, hashes and all).
 */
function notHubfleetShape(data: object, schema: LoadOptions['registry']['schema'], file: string) {
  if ('apiVersion' in data) return undefined;
  const keys = Object.keys(data);
  const sections = new Set(knownKeysAt(schema, [], data));
  const known = keys.filter((key) => sections.has(key)).length;
  if (known * 2 > keys.length) return undefined;
  return fileIssue(
    file,
    `the file is not a hubfleet config: a YAML mapping whose ${keys.length} top-level key${keys.length === 1 ? ' is' : 's are'} mostly not hubfleet sections (apiVersion, name, provider, cluster, ...); its content is not shown`,
    NOT_A_CONFIG_HINT,
  );
}

/** Validate config text: YAML, schema, cross-field rules, provider rules and (optionally) secrets. */
export function validateConfigText(text: string, options: LoadOptions): LoadResult {
  const { file, registry } = options;
  if (Buffer.byteLength(text) > MAX_CONFIG_BYTES) {
    return {
      issues: [
        fileIssue(
          file,
          `the file is larger than ${MAX_CONFIG_BYTES / 1024} KiB`,
          'a hubfleet config is a few KiB; check that this is the right file',
        ),
      ],
    };
  }
  if (text.includes('\u0000')) return { issues: [binaryIssue(file)] };
  if (text.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(text)) {
    return { issues: [fileIssue(file, 'the file is empty', STARTER_HINT)] };
  }
  const parsed = parseYaml(text, file);
  if (!parsed.document) return { issues: parsed.issues };
  const { document, lineCounter, data } = parsed;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      issues: [
        fileIssue(
          file,
          `the file must be a mapping of sections (apiVersion, name, provider, ...), not ${Array.isArray(data) ? 'a list' : 'a single value'}`,
          STARTER_HINT,
          { line: 1, column: 1 },
        ),
      ],
    };
  }
  const foreign = notHubfleetShape(data, registry.schema, file);
  if (foreign !== undefined) return { issues: [foreign] };
  const result = registry.schema.safeParse(data);
  if (!result.success) {
    return {
      issues: locate(fromZodIssues(result.error.issues, registry.schema, data), file, document, lineCounter),
    };
  }
  const config = result.data as unknown as HubfleetConfig;
  const provider = registry.get(config.provider.kind) as ProviderV1;
  const configDirectory = dirname(resolve(file));
  const issues = checkConfigRules(config, provider, { configDirectory, today: options.today ?? new Date() });
  if (options.checkSecrets ?? true) {
    const context = { env: options.env ?? process.env, configDirectory };
    issues.push(...checkSecretsResolve(config, context), ...checkReferencedFiles(config, context));
  }
  const located = locate(issues, file, document, lineCounter);
  const hasErrors = located.some((issue) => issue.severity === 'error');
  return hasErrors ? { issues: located, provider } : { config, provider, issues: located };
}

/** Read and validate a config file. */
export function loadConfigFile(
  path: string,
  options: Omit<LoadOptions, 'file'> & { file?: string },
): LoadResult {
  const file = options.file ?? path;
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile())
      return { issues: [fileIssue(file, 'is not a file', 'pass the path of a hubfleet.yaml with -c')] };
    size = stats.size;
  } catch {
    return {
      issues: [fileIssue(file, 'the file does not exist or cannot be read', 'check the path given with -c')],
    };
  }
  if (size > MAX_CONFIG_BYTES) {
    return {
      issues: [
        fileIssue(
          file,
          `the file is larger than ${MAX_CONFIG_BYTES / 1024} KiB`,
          'a hubfleet config is a few KiB; check that this is the right file',
        ),
      ],
    };
  }
  const bytes = readFileSync(path);
  if (looksBinary(bytes)) return { issues: [binaryIssue(file)] };
  return validateConfigText(bytes.toString('utf8'), { ...options, file });
}
