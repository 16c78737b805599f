import { formatValuesDiff } from './format-values-diff.js';
import type { Plan, PlanStep } from './plan-types.js';
import type { FieldChange, PlanValue, ResourceLayer, StepAction } from './resource.js';
import { RESOURCE_LAYERS } from './resource.js';
import { describeSafetyFlag } from './safety.js';

/** Terraform's symbols, so the plan reads the way operators already know. */
export const ACTION_SYMBOL: Readonly<Record<StepAction, string>> = {
  create: '+',
  update: '~',
  replace: '-/+',
  delete: '-',
  noop: '=',
};

const LAYER_TITLE: Readonly<Record<ResourceLayer, string>> = {
  cloud: 'Cloud',
  'cluster-addons': 'Cluster add-ons',
  tools: 'Tools',
  hubs: 'Hubs',
};

function formatValue(value: PlanValue | undefined, secret: boolean): string {
  if (value === undefined) return '(none)';
  return secret ? String(value) : JSON.stringify(value);
}

function formatChange(change: FieldChange): string {
  const secret = change.secret === true;
  return `${change.field}: ${formatValue(change.from, secret)} → ${formatValue(change.to, secret)}`;
}

function formatDestructive(step: PlanStep): string[] {
  const note = step.destructive;
  if (note === undefined) return [];
  const needs = note.blockedBy ?? `needs ${note.requires.map(describeSafetyFlag).join(' and ')}`;
  return [`! ${note.what} (${needs})`];
}

/** Plain field changes one per line; changes deep inside values (with a `path`) as one YAML diff. */
function formatChanges(changes: readonly FieldChange[]): string[] {
  const fields = changes.filter((change) => change.path === undefined);
  const nested = changes.filter((change) => change.path !== undefined);
  return [...fields.map(formatChange), ...formatValuesDiff(nested)];
}

function formatStep(step: PlanStep): string[] {
  const mark = step.destructive === undefined ? ' ' : '!';
  const head = `  ${mark} ${ACTION_SYMBOL[step.action].padEnd(3)} ${step.id}  ${step.reason}`;
  const details = [...formatChanges(step.changes), ...formatDestructive(step)];
  return [head, ...details.map((line) => `          ${line}`)];
}

function shown(step: PlanStep): boolean {
  return step.action !== 'noop' || step.retained === true;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function countsLine(plan: Plan): string {
  const { counts } = plan;
  const parts = [
    `${counts.create} to create`,
    `${counts.update} to update`,
    `${counts.replace} to replace`,
    `${counts.delete} to delete`,
    `${counts.noop - counts.retained} unchanged`,
    ...(counts.retained > 0 ? [`${counts.retained} retained`] : []),
  ];
  const destructive =
    counts.destructive > 0 ? ` ${plural(counts.destructive, 'destructive step')}, marked with !.` : '';
  return `Plan: ${parts.join(', ')}.${destructive}`;
}

function convergedLine(plan: Plan): string {
  const retained = plan.steps.filter((step) => step.retained === true).map((step) => step.id);
  const kept = retained.length > 0 ? ` Retained: ${retained.join(', ')}.` : '';
  const state =
    plan.command === 'down'
      ? `nothing of ${plan.deployment} is left to delete.`
      : `${plan.deployment} is up to date.`;
  return `No changes: ${state}${kept}`;
}

/**
 * The plan as a careful operator wants to read it: grouped by layer, one line per step with its
 * symbol and reason, old → new for each changed field, destructive steps marked `!` with the flag
 * they need, and a counts line. A converged plan is one line.
 */
export function formatPlan(plan: Plan): string {
  if (plan.converged) return convergedLine(plan);
  const lines = [`Plan for ${plan.deployment} (hubfleet ${plan.command}):`];
  for (const layer of RESOURCE_LAYERS) {
    const steps = plan.steps.filter((step) => step.layer === layer && shown(step));
    if (steps.length === 0) continue;
    lines.push('', LAYER_TITLE[layer], ...steps.flatMap(formatStep));
  }
  lines.push('', countsLine(plan));
  return lines.join('\n');
}
