import { ExitCode } from '../errors/index.js';
import { toEventError } from './event-error.js';
import type { EventError } from './events.js';
import type { Plan, PlanStep } from './plan-types.js';
import type { PlanCommand } from './safety.js';
import type { StepRecord } from './step-record.js';

/** How one step of a run ended. */
export type StepOutcome = 'done' | 'unchanged' | 'failed' | 'not-started' | 'interrupted';

/** How a whole run ended: `failed` and `interrupted` both exit 1. */
export type ApplyOutcome = 'succeeded' | 'failed' | 'interrupted';

export interface FailedStep {
  id: string;
  error: EventError;
}

/** The end of a run, as the user reads it: what is done, what failed and why, what is left. */
export interface ApplySummary {
  deployment: string;
  command: PlanCommand;
  outcome: ApplyOutcome;
  /** Steps that changed something. */
  done: string[];
  /** Steps that found nothing to do (planned no-ops included). */
  unchanged: string[];
  failed: FailedStep[];
  /** Steps that never started, because a step they need failed or the run was interrupted. */
  notStarted: string[];
  /** Steps that were running when the run was interrupted and stopped at a safe point. */
  interrupted: string[];
  /** What to do next when work is left, e.g. "re-run `hubfleet up` to continue". */
  nextStep?: string;
}

/** The sentence that tells the user how to finish the job. */
export function continueSentence(command: PlanCommand): string {
  return `re-run \`hubfleet ${command}\` to continue`;
}

function listLine(title: string, ids: readonly string[]): string[] {
  return ids.length === 0 ? [] : [`${title} (${ids.length}): ${ids.join(', ')}`];
}

function failedLines(failed: readonly FailedStep[]): string[] {
  if (failed.length === 0) return [];
  return [
    `Failed (${failed.length}):`,
    ...failed.flatMap(({ id, error }) => [
      `  ${id}: ${error.message}`,
      ...(error.hint === undefined ? [] : [`    hint: ${error.hint}`]),
    ]),
  ];
}

const HEADLINE: Record<ApplyOutcome, string> = {
  succeeded: 'finished',
  failed: 'stopped after a failure',
  interrupted: 'was interrupted',
};

/** The summary as text for the terminal. */
export function formatApplySummary(summary: ApplySummary): string {
  return [
    `hubfleet ${summary.command} ${HEADLINE[summary.outcome]} for ${summary.deployment}.`,
    ...listLine('Done', summary.done),
    ...failedLines(summary.failed),
    ...listLine('Interrupted', summary.interrupted),
    ...listLine('Not started', summary.notStarted),
    ...(summary.nextStep === undefined ? [] : [`Next: ${summary.nextStep}.`]),
  ].join('\n');
}

/**
 * The exit code of a run: 0 when it succeeded; 3 (refused) when a step was refused at run time
 * because the world changed after the plan (as a refusal before the run exits 3); otherwise 1.
 */
export function exitCodeOfRun(summary: ApplySummary): number {
  if (summary.outcome === 'succeeded') return ExitCode.ok;
  if (summary.outcome === 'interrupted') return ExitCode.interrupted;
  return summary.failed.some((step) => step.error.kind === 'refused') ? ExitCode.refused : ExitCode.failed;
}

/** The summary of a run of `plan`, from what happened to each step. */
export function summariseRun(
  plan: Plan,
  records: ReadonlyMap<string, StepRecord>,
  interrupted: boolean,
): ApplySummary {
  const ids = (wanted: StepOutcome, filter: (step: PlanStep) => boolean = () => true): string[] =>
    plan.steps
      .filter((step) => records.get(step.id)?.outcome === wanted && filter(step))
      .map((step) => step.id);
  const plannedNoop = (step: PlanStep): boolean => step.action === 'noop';
  const summary: ApplySummary = {
    deployment: plan.deployment,
    command: plan.command,
    outcome: 'succeeded',
    done: ids('done'),
    unchanged: [...new Set([...ids('unchanged'), ...plan.steps.filter(plannedNoop).map((step) => step.id)])],
    failed: plan.steps.flatMap((step) => {
      const record = records.get(step.id);
      return record?.outcome === 'failed' ? [{ id: step.id, error: toEventError(record.error) }] : [];
    }),
    notStarted: ids('not-started', (step) => !plannedNoop(step)),
    interrupted: ids('interrupted'),
  };
  const leftOver = summary.failed.length + summary.notStarted.length + summary.interrupted.length;
  if (interrupted && leftOver > 0) summary.outcome = 'interrupted';
  else if (summary.failed.length > 0) summary.outcome = 'failed';
  if (summary.outcome !== 'succeeded') summary.nextStep = continueSentence(plan.command);
  return summary;
}
