import { redactChange } from './redact.js';
import type { AnyResourceNode, FieldChange, StepAction } from './resource.js';
import { type DestructiveNote, destructiveNote, type PlanCommand } from './safety.js';

/** Whether the deployment should have the resource (`present`) or no longer (`absent`). */
export type ResourceIntent = 'present' | 'absent';

/** What to do with one resource, given what was observed. */
export interface StepDecision {
  action: StepAction;
  reason: string;
  /** Field by field, secrets already redacted. */
  changes: FieldChange[];
  /** True when a data volume is kept because its hub's `storage.onDelete` is `retain`. */
  retained: boolean;
  destructive?: DestructiveNote;
}

function removalReason(command: PlanCommand): string {
  return command === 'down' ? 'hubfleet down removes the deployment' : 'no longer in the config';
}

function baseDecision(
  resource: AnyResourceNode,
  intent: ResourceIntent,
  observed: unknown,
  command: PlanCommand,
) {
  if (intent === 'present') return resource.diff(observed);
  if (observed === undefined) return { action: 'noop' as const, reason: 'already gone', changes: [] };
  return { action: 'delete' as const, reason: removalReason(command), changes: [] };
}

/**
 * Decide one step: diff a wanted resource, delete an unwanted one that still exists. A data volume
 * whose hub says `onDelete: retain` is never deleted: its delete becomes a no-op that says why.
 * The same function runs at plan time and again just before the step acts, so a re-run after an
 * interruption does only what is still missing.
 */
export function decideStep(
  resource: AnyResourceNode,
  intent: ResourceIntent,
  observed: unknown,
  command: PlanCommand,
): StepDecision {
  const base = baseDecision(resource, intent, observed, command);
  const facts = resource.safetyFacts?.(observed) ?? {};
  const volume = facts.dataVolume;
  if (base.action === 'delete' && volume?.onDelete === 'retain') {
    return {
      action: 'noop',
      reason: `retained: ${volume.retainedBecause ?? `hub ${volume.hub} has storage.onDelete: retain (the default)`}, so the volume and its data stay`,
      changes: [],
      retained: true,
    };
  }
  const decision: StepDecision = {
    action: base.action,
    reason: base.reason,
    changes: base.changes.map(redactChange),
    retained: false,
  };
  const destructive = destructiveNote(base.action, facts, command);
  if (destructive !== undefined) decision.destructive = destructive;
  return decision;
}
