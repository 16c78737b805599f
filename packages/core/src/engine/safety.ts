import { HubfleetError } from '../errors/index.js';
import type { ChangeAction, SafetyFacts, StepAction } from './resource.js';

/** The user's explicit permissions for steps that lose work or data. Everything is refused by default. */
export interface SafetyFlags {
  /** `--allow-replace`: replace the cluster or a nodegroup with user pods, or delete such a nodegroup in `up`. */
  allowReplace: boolean;
  /**
   * `--delete-data`: delete hub data volumes whose `storage.onDelete` is `snapshot` or `delete`, and
   * resources that hold data (`SafetyFacts.heldData`) whose `onDelete` is `delete`.
   */
  deleteData: boolean;
  /** The user confirmed `hubfleet down` (typed the deployment name, or passed `--yes`). */
  teardown: boolean;
}

export type SafetyFlag = keyof SafetyFlags;

/** No destructive step allowed: the default of every command. */
export const NO_SAFETY_FLAGS: SafetyFlags = { allowReplace: false, deleteData: false, teardown: false };

/** Which command a plan is for: `up` converges to the config, `down` removes the deployment. */
export type PlanCommand = 'up' | 'down';

/** Why a step is destructive and what it takes to run it; part of a plan step. */
export interface DestructiveNote {
  /** What is lost, in a sentence, e.g. `deletes hub course-a's data volume and the data on it`. */
  what: string;
  /** Flags that must all be given for the step to run. */
  requires: SafetyFlag[];
  /** Set when no flag is enough: what must change in the config first. */
  blockedBy?: string;
}

/** A destructive step that the given flags do not allow. */
export interface Refusal {
  stepId: string;
  what: string;
  /** The flags that were required but not given. */
  missing: SafetyFlag[];
  blockedBy?: string;
}

const HOW_TO_GIVE: Record<SafetyFlag, string> = {
  allowReplace: '--allow-replace',
  deleteData: '--delete-data',
  teardown: 'confirmation (type the deployment name, or pass --yes)',
};

/** How a user gives a flag on the command line. */
export function describeSafetyFlag(flag: SafetyFlag): string {
  return HOW_TO_GIVE[flag];
}

function dataVolumeNote(
  action: ChangeAction,
  volume: NonNullable<SafetyFacts['dataVolume']>,
): DestructiveNote | undefined {
  const owner = `hub ${volume.hub}'s data volume`;
  if (action === 'replace') {
    const note: DestructiveNote = {
      what: `replaces ${owner}: the old volume and the data on it are deleted`,
      requires: ['allowReplace', 'deleteData'],
    };
    if (volume.onDelete === 'retain') {
      note.blockedBy = `hub ${volume.hub} has storage.onDelete: retain, so its volume is never deleted; set onDelete to snapshot or delete first`;
    }
    return note;
  }
  if (action !== 'delete') return undefined;
  if (volume.onDelete === 'retain') {
    return {
      what: `deletes ${owner}`,
      requires: ['deleteData'],
      blockedBy: `hub ${volume.hub} has storage.onDelete: retain, so its volume is never deleted`,
    };
  }
  return volume.onDelete === 'snapshot'
    ? { what: `deletes ${owner} after taking a snapshot of it`, requires: ['deleteData'] }
    : { what: `deletes ${owner} and all the data on it`, requires: ['deleteData'] };
}

/** A rolling upgrade drains a nodegroup's nodes: with user pods on them, their sessions end. */
function rollingUpdateNote(facts: SafetyFacts): DestructiveNote | undefined {
  const userPods = facts.userPods ?? 0;
  if (facts.rollsNodes !== true || userPods === 0) return undefined;
  return {
    what: `replaces the nodes of a nodegroup with ${userPods} user pod${userPods === 1 ? '' : 's'} running (rolling upgrade): their sessions end`,
    requires: ['allowReplace'],
  };
}

/**
 * Whether a step loses work or data, and which flags it needs. Deleting the cluster or a busy
 * nodegroup is what `down` is for, so there the confirmation of `down` is the permission; in `up`
 * it takes `--allow-replace`. Data volumes always need `--delete-data`.
 */
export function destructiveNote(
  action: StepAction,
  facts: SafetyFacts,
  command: PlanCommand,
): DestructiveNote | undefined {
  if (action === 'update') return rollingUpdateNote(facts);
  if (action !== 'replace' && action !== 'delete') return undefined;
  if (facts.dataVolume !== undefined) return dataVolumeNote(action, facts.dataVolume);
  if (facts.heldData !== undefined && action === 'delete') {
    return { what: `deletes ${facts.heldData.what}`, requires: ['deleteData'] };
  }
  const deletePermission: SafetyFlag = command === 'down' ? 'teardown' : 'allowReplace';
  if (facts.cluster === true) {
    return action === 'replace'
      ? {
          what: 'replaces the cluster: everything running on it is deleted and built again',
          requires: ['allowReplace'],
        }
      : { what: 'deletes the cluster and everything running on it', requires: [deletePermission] };
  }
  const userPods = facts.userPods ?? 0;
  if (userPods > 0) {
    const pods = `${userPods} user pod${userPods === 1 ? '' : 's'}`;
    return action === 'replace'
      ? { what: `replaces a nodegroup with ${pods} running: their sessions end`, requires: ['allowReplace'] }
      : {
          what: `deletes a nodegroup with ${pods} running: their sessions end`,
          requires: [deletePermission],
        };
  }
  return undefined;
}

/** The refusal for one step under the given flags, or `undefined` when the step may run. */
export function refusalFor(
  stepId: string,
  note: DestructiveNote | undefined,
  flags: SafetyFlags,
): Refusal | undefined {
  if (note === undefined) return undefined;
  const missing = note.requires.filter((flag) => !flags[flag]);
  if (missing.length === 0 && note.blockedBy === undefined) return undefined;
  const refusal: Refusal = { stepId, what: note.what, missing };
  if (note.blockedBy !== undefined) refusal.blockedBy = note.blockedBy;
  return refusal;
}

/** Steps of a plan (or any list of steps) that the flags do not allow. */
export function findRefusals(
  steps: readonly { id: string; destructive?: DestructiveNote | undefined }[],
  flags: SafetyFlags,
): Refusal[] {
  return steps.flatMap((step) => refusalFor(step.id, step.destructive, flags) ?? []);
}

function describeRefusal(refusal: Refusal): string {
  const needs =
    refusal.blockedBy ?? `needs ${refusal.missing.map((flag) => describeSafetyFlag(flag)).join(' and ')}`;
  return `${refusal.stepId} ${refusal.what} (${needs})`;
}

/** The `refused` error (exit 3) for one or more refusals, naming every step and the flag it needs. */
export function refusalError(refusals: readonly Refusal[]): HubfleetError {
  const flags = [...new Set(refusals.flatMap((refusal) => refusal.missing))].map(describeSafetyFlag);
  const blocked = refusals.flatMap((refusal) => refusal.blockedBy ?? []);
  const hints = [
    ...(flags.length > 0 ? [`If you mean it, run the command again with ${flags.join(' and ')}.`] : []),
    ...blocked.map((reason) => `${reason[0]?.toUpperCase() ?? ''}${reason.slice(1)}.`),
  ];
  const count = refusals.length === 1 ? 'a destructive step' : `${refusals.length} destructive steps`;
  return new HubfleetError({
    kind: 'refused',
    message: `Refused ${count}: ${refusals.map(describeRefusal).join('; ')}.`,
    hint: hints.join(' '),
    ...(refusals[0] === undefined ? {} : { subject: refusals[0].stepId }),
  });
}

/** Throw the `refused` error when any step is not allowed by the flags; before anything runs. */
export function assertStepsAllowed(
  steps: readonly { id: string; destructive?: DestructiveNote | undefined }[],
  flags: SafetyFlags,
): void {
  const refusals = findRefusals(steps, flags);
  if (refusals.length > 0) throw refusalError(refusals);
}
