import type { DeploymentStatus, Plan } from '@hubfleet/core';
import { formatPlan } from '@hubfleet/core/engine';
import { colourEnabled, colourPlan } from '../cli/colour.js';
import { formatStatus } from '../status/format-status.js';

export type OutputFormat = 'text' | 'json';

/** JSON lines on stdout for `up`/`down --output json`: `{formatVersion, type: 'plan', plan}`, the engine's events, `{formatVersion, type: 'status', status}`. */
export function printLine(type: string, body: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ formatVersion: 1, type, ...body })}\n`);
}

/** The plan: grouped text (one line when nothing changes), or one JSON line. */
export function printPlan(plan: Plan, output: OutputFormat): void {
  if (output === 'json') printLine('plan', { plan });
  else process.stdout.write(`${colourPlan(formatPlan(plan), colourEnabled())}\n`);
}

export function printStatus(status: DeploymentStatus, output: OutputFormat): void {
  if (output === 'json') printLine('status', { status });
  else process.stdout.write(`\n${formatStatus(status)}`);
}
