import { type JsonObject, stringField } from '../../framework/json-body.js';
import { invalidParameter } from './eks-errors.js';
import type { Taint, TaintEffect } from './eks-state.js';

const EFFECTS: readonly TaintEffect[] = ['NO_SCHEDULE', 'NO_EXECUTE', 'PREFER_NO_SCHEDULE'];
/** EKS caps taints per node group at 50. */
const MAX_TAINTS = 50;

function isEffect(value: string | undefined): value is TaintEffect {
  return EFFECTS.some((effect) => effect === value);
}

export function parseTaint(object: JsonObject, fields: Record<string, string>): Taint {
  const key = stringField(object, 'key');
  const effect = stringField(object, 'effect');
  if (!key) throw invalidParameter('Taint key is required', fields);
  if (!isEffect(effect)) {
    throw invalidParameter(
      `Taint effect ${effect ?? '(none)'} is not valid; use one of ${EFFECTS.join(', ')}`,
      fields,
    );
  }
  const value = stringField(object, 'value');
  return value === undefined ? { key, effect } : { key, value, effect };
}

/** Taints to remove: a key, and optionally the effect. */
export function parseTaintToRemove(
  object: JsonObject,
  fields: Record<string, string>,
): { key: string; effect?: TaintEffect } {
  const key = stringField(object, 'key');
  if (!key) throw invalidParameter('Taint key is required', fields);
  const effect = stringField(object, 'effect');
  if (effect !== undefined && !isEffect(effect))
    throw invalidParameter(`Taint effect ${effect} is not valid`, fields);
  return effect === undefined ? { key } : { key, effect };
}

export function checkTaintCount(taints: readonly Taint[], fields: Record<string, string>): void {
  if (taints.length > MAX_TAINTS)
    throw invalidParameter(`A node group can have at most ${MAX_TAINTS} taints`, fields);
}

/** The Kubernetes spelling of an EKS taint effect (NO_SCHEDULE → NoSchedule). */
export function kubernetesTaintEffect(effect: TaintEffect): 'NoSchedule' | 'NoExecute' | 'PreferNoSchedule' {
  if (effect === 'NO_EXECUTE') return 'NoExecute';
  if (effect === 'PREFER_NO_SCHEDULE') return 'PreferNoSchedule';
  return 'NoSchedule';
}
