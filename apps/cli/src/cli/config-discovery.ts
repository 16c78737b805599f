import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { HubfleetError } from '@hubfleet/core';

/** The file `-c` means when it is not given: `hubfleet.yaml` in the current directory. */
export const DEFAULT_CONFIG_FILE = 'hubfleet.yaml';

/**
 * Config discovery: without `-c`, `./hubfleet.yaml`; when there is none, say so (exit 2) rather
 * than a bare "cannot read" for a file the user never named.
 */
export function discoverConfig(options: { config?: string }, givenOnCommandLine: boolean): void {
  if (givenOnCommandLine) return;
  options.config = DEFAULT_CONFIG_FILE;
  if (existsSync(resolve(DEFAULT_CONFIG_FILE))) return;
  throw new HubfleetError({
    kind: 'invalid-config',
    message: `no config given and there is no ${DEFAULT_CONFIG_FILE} in ${process.cwd()}`,
    hint: `pass -c <file>, or run the command in the directory that holds ${DEFAULT_CONFIG_FILE}`,
    subject: '--config',
  });
}
