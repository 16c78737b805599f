import { applyToolDefaults, ExitCode, formatIssue, loadConfigFile, summarizeIssues } from '@hubfleet/core';
import { stringify } from 'yaml';
import { registry } from '../providers.js';

export interface ValidateOptions {
  config: string;
  output: 'text' | 'json';
  showDefaults?: boolean;
  checkSecrets: boolean;
}

export async function validateCommand(options: ValidateOptions): Promise<number> {
  const result = loadConfigFile(options.config, { registry: registry(), checkSecrets: options.checkSecrets });
  const ok = result.config !== undefined;
  if (options.output === 'json') {
    const body: Record<string, unknown> = {
      formatVersion: 1,
      ok,
      file: options.config,
      issues: result.issues,
    };
    if (ok && options.showDefaults && result.provider && result.config) {
      body.config = applyToolDefaults(result.config, result.provider);
    }
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return ok ? ExitCode.ok : ExitCode.invalidInput;
  }
  for (const issue of result.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  if (!ok) {
    process.stderr.write(`\n${options.config}: invalid (${summarizeIssues(result.issues)})\n`);
    return ExitCode.invalidInput;
  }
  if (options.showDefaults && result.provider && result.config) {
    process.stdout.write(stringify(applyToolDefaults(result.config, result.provider)));
    return ExitCode.ok;
  }
  const { config } = result;
  const count = (n: number | undefined, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const detail = `${config?.provider.kind}, ${count(config?.cluster.nodeGroups.length, 'nodegroup')}, ${count(config?.hubs.length, 'hub')}`;
  process.stdout.write(`${options.config}: valid (${detail}; ${summarizeIssues(result.issues)})\n`);
  return ExitCode.ok;
}
