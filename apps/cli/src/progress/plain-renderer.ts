import type { EngineEvent } from '@hubfleet/core';
import { formatApplySummary, formatDuration } from '@hubfleet/core/engine';
import { describeAttempts, describeError, describeWaiting } from './describe-step.js';
import type { ProgressRenderer, WriteText } from './progress-renderer.js';

function describeEvent(event: EngineEvent): string[] {
  switch (event.type) {
    case 'plan-started':
      return [
        `hubfleet ${event.command} ${event.deployment}: ${event.steps.length} steps, up to ${event.parallelism} at a time`,
      ];
    case 'step-started':
      return [`start    ${event.id} (${event.action}), ${describeWaiting(event)}`];
    case 'step-retry':
      return [
        `retry    ${event.id}: attempt ${event.attempt} in ${formatDuration(event.delayMs)} after: ${describeError(event.error)}`,
      ];
    case 'step-finished': {
      const label = event.outcome === 'done' ? 'done' : event.outcome;
      return [`${label.padEnd(8)} ${event.id} after ${formatDuration(event.durationMs)}`];
    }
    case 'step-failed':
      return [
        `FAILED   ${event.id} after ${formatDuration(event.durationMs)} and ${describeAttempts(event.attempts)}: ${event.error.message}`,
        ...(event.hint === undefined ? [] : [`         hint: ${event.hint}`]),
      ];
    case 'step-skipped':
      return [
        event.reason === 'dependency-failed'
          ? `skipped  ${event.id}: needs ${event.blockedBy ?? 'a step'}, which failed`
          : `skipped  ${event.id}: interrupted before it started`,
      ];
    case 'apply-finished':
      return [`finished: ${event.summary.outcome}`];
  }
}

/**
 * Plain timestamped lines, one per event: for CI logs, pipes and NO_COLOR. Nothing is redrawn, so
 * the log reads the same in a file as on a screen. The summary follows the last line.
 */
export function createPlainRenderer(write: WriteText): ProgressRenderer {
  return {
    onEvent(event) {
      const stamp = new Date(event.at).toISOString();
      for (const line of describeEvent(event)) write(`${stamp} ${line}\n`);
      if (event.type === 'apply-finished') write(`\n${formatApplySummary(event.summary)}\n`);
    },
    close: async () => {},
  };
}
