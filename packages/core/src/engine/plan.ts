import { mapWithConcurrency } from './bounded-map.js';
import { decideStep, type ResourceIntent, type StepDecision } from './decide-step.js';
import { indexGraph, mappingBug, topologicalOrder } from './graph.js';
import type { Plan, PlanCounts, PlanStep } from './plan-types.js';
import type { AnyResourceNode } from './resource.js';
import {
  DEFAULT_RETRY_POLICY,
  type RandomSource,
  type RetryPolicy,
  type Sleep,
  sleepOnTimers,
  withRetries,
} from './retry.js';
import type { PlanCommand } from './safety.js';

/** How many resources are observed at once while planning. */
export const DEFAULT_OBSERVE_CONCURRENCY = 8;

/** Options shared by `planChanges` and `planTeardown`. */
export interface PlanRuntimeOptions {
  /** @default DEFAULT_OBSERVE_CONCURRENCY */
  observeConcurrency?: number;
  /** Retries of observations that fail with a retryable error. @default DEFAULT_RETRY_POLICY */
  retry?: RetryPolicy;
  sleep?: Sleep;
  random?: RandomSource;
  /**
   * The run will have `--delete-data`: a resource that holds data and whose `onDelete` is `delete`
   * is planned as deleted rather than kept. @default false
   */
  deleteData?: boolean;
}

export interface PlanChangesOptions extends PlanRuntimeOptions {
  deployment: string;
  /** Every resource the config asks for. */
  desired: readonly AnyResourceNode[];
  /** Resources the deployment owns (found by ownership tags) that the config no longer asks for: deleted. */
  undesired?: readonly AnyResourceNode[];
}

export interface PlanTeardownOptions extends PlanRuntimeOptions {
  deployment: string;
  /** Every resource the deployment may own; all are deleted, dependents first. */
  resources: readonly AnyResourceNode[];
}

interface IntendedResource {
  resource: AnyResourceNode;
  intent: ResourceIntent;
}

function stepDependencies(
  entry: IntendedResource,
  byId: ReadonlyMap<string, IntendedResource>,
  absentDependents: ReadonlyMap<string, string[]>,
): string[] {
  const { resource, intent } = entry;
  if (intent === 'absent') return absentDependents.get(resource.id) ?? [];
  for (const dependency of resource.dependsOn) {
    if (byId.get(dependency)?.intent === 'absent') {
      throw mappingBug(
        `${resource.id} is wanted but depends on ${dependency}, which is being removed.`,
        resource.id,
      );
    }
  }
  return [...resource.dependsOn];
}

/** For each resource, the resources being removed that depend on it: they must go before it does. */
function absentDependentsOf(entries: readonly IntendedResource[]): Map<string, string[]> {
  const dependents = new Map<string, string[]>();
  for (const { resource, intent } of entries) {
    if (intent !== 'absent') continue;
    for (const dependency of resource.dependsOn) {
      dependents.set(dependency, [...(dependents.get(dependency) ?? []), resource.id]);
    }
  }
  return dependents;
}

function toPlanStep(entry: IntendedResource, decision: StepDecision, dependsOn: string[]): PlanStep {
  const { resource, intent } = entry;
  const step: PlanStep = {
    id: resource.id,
    kind: resource.kind,
    layer: resource.layer,
    intent,
    action: decision.action,
    reason: decision.reason,
    changes: decision.changes,
    dependsOn,
  };
  if (decision.retained) step.retained = true;
  if (decision.keeps !== undefined) step.keeps = decision.keeps;
  if (decision.destructive !== undefined) step.destructive = decision.destructive;
  if (resource.typicalDurationMs !== undefined) step.typicalDurationMs = resource.typicalDurationMs;
  if (resource.waitingOn !== undefined) step.waitingOn = resource.waitingOn;
  return step;
}

/** Names what an acting step also makes or removes (the cluster's network and roles), when the resource says. */
async function addIncludes(
  step: PlanStep,
  { resource }: IntendedResource,
  observed: unknown,
  retryRuntime: Parameters<typeof withRetries>[1],
): Promise<void> {
  const { action } = step;
  const { includes } = resource;
  if (includes === undefined || action === 'noop') return;
  const found = await withRetries(() => includes.call(resource, action, observed), retryRuntime);
  if (found.length > 0) step.includes = found;
}

function countSteps(steps: readonly PlanStep[]): PlanCounts {
  const counts: PlanCounts = {
    create: 0,
    update: 0,
    replace: 0,
    delete: 0,
    noop: 0,
    retained: 0,
    destructive: 0,
  };
  for (const step of steps) {
    counts[step.action] += 1;
    if (step.retained === true) counts.retained += 1;
    if (step.destructive !== undefined) counts.destructive += 1;
  }
  return counts;
}

async function buildPlan(
  deployment: string,
  command: PlanCommand,
  entries: readonly IntendedResource[],
  options: PlanRuntimeOptions,
): Promise<Plan> {
  indexGraph(entries.map((entry) => entry.resource));
  const entryById = new Map(entries.map((entry) => [entry.resource.id, entry]));
  const absentDependents = absentDependentsOf(entries);
  const graph = entries.map((entry) => ({
    id: entry.resource.id,
    dependsOn: stepDependencies(entry, entryById, absentDependents),
  }));
  const order = topologicalOrder(graph);
  const dependenciesById = new Map(graph.map((node) => [node.id, node.dependsOn]));

  const retryRuntime = {
    policy: options.retry ?? DEFAULT_RETRY_POLICY,
    sleep: options.sleep ?? sleepOnTimers,
    random: options.random ?? Math.random,
  };
  const observations = await mapWithConcurrency(
    entries,
    options.observeConcurrency ?? DEFAULT_OBSERVE_CONCURRENCY,
    (entry) => withRetries(() => entry.resource.observe(), retryRuntime),
  );
  const observedById = new Map(entries.map((entry, index) => [entry.resource.id, observations[index]]));

  const steps = order.map((id) => {
    const entry = entryById.get(id) as IntendedResource;
    const decision = decideStep(
      entry.resource,
      entry.intent,
      observedById.get(id),
      command,
      options.deleteData === true,
    );
    return toPlanStep(entry, decision, dependenciesById.get(id) ?? []);
  });
  await mapWithConcurrency(steps, options.observeConcurrency ?? DEFAULT_OBSERVE_CONCURRENCY, (step) =>
    addIncludes(step, entryById.get(step.id) as IntendedResource, observedById.get(step.id), retryRuntime),
  );
  const counts = countSteps(steps);
  return {
    formatVersion: 1,
    deployment,
    command,
    steps,
    counts,
    converged: counts.noop === steps.length,
  };
}

/**
 * The plan of `hubfleet up`: observe every resource (a few at a time), diff the wanted ones, delete
 * the unwanted ones that still exist, and order the steps by the resources' own dependencies.
 */
export function planChanges(options: PlanChangesOptions): Promise<Plan> {
  const entries: IntendedResource[] = [
    ...options.desired.map((resource) => ({ resource, intent: 'present' as const })),
    ...(options.undesired ?? []).map((resource) => ({ resource, intent: 'absent' as const })),
  ];
  return buildPlan(options.deployment, 'up', entries, options);
}

/** The plan of `hubfleet down`: delete everything that exists, each resource after the ones that depend on it. */
export function planTeardown(options: PlanTeardownOptions): Promise<Plan> {
  const entries = options.resources.map((resource) => ({ resource, intent: 'absent' as const }));
  return buildPlan(options.deployment, 'down', entries, options);
}
