import { redactChange } from './redact.js';
import type { AnyResourceNode, FieldChange, SafetyFacts, StepAction } from './resource.js';
import { type DestructiveNote, destructiveNote, type PlanCommand } from './safety.js';

/** Whether the deployment should have the resource (`present`) or no longer (`absent`). */
export type ResourceIntent = 'present' | 'absent';

/** What to do with one resource, given what was observed. */
export interface StepDecision {
  action: StepAction;
  reason: string;
  /** Field by field, secrets already redacted. */
  changes: FieldChange[];
  /** True when a data volume is kept because its hub's `storage.onDelete` is `retain`, or a resource for the data it holds. */
  retained: boolean;
  /** For a resource kept for the data it holds (`SafetyFacts.heldData`): why, and what stays. */
  keeps?: string;
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

/** Why a resource that holds data stays, and what stays: undefined when it may go. */
function keptData(held: NonNullable<SafetyFacts['heldData']>, deleteData: boolean): string | undefined {
  if (held.onDelete === 'retain') {
    return `${held.keptBecause ?? 'the config does not say onDelete: delete'}, so ${held.what} stays`;
  }
  return deleteData ? undefined : `${held.what} stays without --delete-data`;
}

/**
 * Decide one step: diff a wanted resource, delete an unwanted one that still exists. A data volume
 * whose hub says `onDelete: retain` is never deleted: its delete becomes a no-op that says why. A
 * resource that holds other data (`heldData`) is likewise kept unless its `onDelete` is `delete` and
 * the run has `--delete-data` (`deleteData`). The same function runs at plan time and again just
 * before the step acts, so a re-run after an interruption does only what is still missing.
 */
export function decideStep(
  resource: AnyResourceNode,
  intent: ResourceIntent,
  observed: unknown,
  command: PlanCommand,
  deleteData = false,
): StepDecision {
  const base = baseDecision(resource, intent, observed, command);
  const facts = resource.safetyFacts?.(observed) ?? {};
  const keeps = base.action === 'delete' && facts.heldData ? keptData(facts.heldData, deleteData) : undefined;
  if (keeps !== undefined) {
    return { action: 'noop', reason: `retained: ${keeps}`, changes: [], retained: true, keeps };
  }
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
