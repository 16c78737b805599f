import { ExitCode } from '@hubfleet/core';

/** `hubfleet version`: the version alone, or `{formatVersion, version, node}` with `--output json`. */
export function versionCommand(version: string, options: { output: 'text' | 'json' }): number {
  const text =
    options.output === 'json'
      ? JSON.stringify({ formatVersion: 1, version, node: process.versions.node })
      : `hubfleet ${version}`;
  process.stdout.write(`${text}\n`);
  return ExitCode.ok;
}
