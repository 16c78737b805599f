import {
  formatIssue,
  type HubfleetConfig,
  HubfleetError,
  type LocatedIssue,
  loadConfigFile,
  type ProviderV1,
  summarizeIssues,
} from '@hubfleet/core';
import { registry } from '../providers.js';

/** The error of a config file with errors: exit 2, after its issues were printed. */
function invalidConfigError(file: string, issues: readonly LocatedIssue[], hint: string): HubfleetError {
  return new HubfleetError({
    kind: 'invalid-config',
    message: `${file} is invalid (${summarizeIssues(issues)})`,
    hint,
  });
}

export interface ValidConfig {
  config: HubfleetConfig;
  provider: ProviderV1;
}

export interface LoadValidConfigOptions {
  checkSecrets: boolean;
  /** What to do about errors, for `invalidConfigError`. */
  hint: string;
  /** Sees the provider (when the schema was met) before anything is printed; throws to refuse it outright. */
  accept?: (provider: ProviderV1) => void;
}

/**
 * Load and validate `file` once, print its issues (errors and warnings) on stderr, and return the
 * config, or throw `invalidConfigError` with `hint` when it has errors.
 */
export function loadValidConfig(file: string, options: LoadValidConfigOptions): ValidConfig {
  const result = loadConfigFile(file, { registry: registry(), checkSecrets: options.checkSecrets });
  if (result.provider !== undefined) options.accept?.(result.provider);
  for (const issue of result.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  if (result.config === undefined || result.provider === undefined) {
    throw invalidConfigError(file, result.issues, options.hint);
  }
  return { config: result.config, provider: result.provider };
}
