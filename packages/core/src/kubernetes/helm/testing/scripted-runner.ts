import type { HelmRunner, HelmRunResult } from '../helm-types.js';

/** One call the scripted runner received. */
export interface RecordedCall {
  args: string[];
  env: Readonly<Record<string, string>>;
}

/** What the script answers to one call; `inspect` runs while the call's temporary files exist. */
export type ScriptStep = Partial<HelmRunResult> & { inspect?: (call: RecordedCall) => void | Promise<void> };

/**
 * A helm runner for unit tests: answers each call with the next scripted step and records the
 * argv and environment, so tests assert on exactly what hubfleet would have run.
 */
export function scriptedRunner(steps: readonly ScriptStep[]): HelmRunner & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const runner = async (args: readonly string[], env: Readonly<Record<string, string>>) => {
    const call = { args: [...args], env };
    calls.push(call);
    const step = steps[calls.length - 1];
    if (step === undefined) throw new Error(`unexpected helm call ${calls.length}: helm ${args.join(' ')}`);
    await step.inspect?.(call);
    return { code: step.code ?? 0, stdout: step.stdout ?? '', stderr: step.stderr ?? '' };
  };
  return Object.assign(runner, { calls });
}

/** The value after `flag` in an argv. */
export function flagValue(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index === -1 ? undefined : args[index + 1];
}

export function releaseJson(name: string, namespace: string, version: number, status = 'deployed'): string {
  return JSON.stringify({
    name,
    namespace,
    version,
    info: { status, description: 'Upgrade complete', last_deployed: '2026-11-21T12:00:00Z' },
    config: {},
  });
}
