import { isRecord } from './kube-object.js';

/**
 * Lists the API server merges element by element rather than replacing whole, and the key that
 * identifies an element (the `patchMergeKey` / `listMapKeys` of the built-in types). An
 * approximation: the real server looks these up per type in its OpenAPI schema; here a field name
 * decides, whatever object it sits in.
 */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  hostAliases: 'ip',
  conditions: 'type',
};

/** The key list elements of `field` merge on, when every element (in both lists) carries it. */
export function mergeKeyFor(field: string, ...lists: readonly unknown[][]): string | undefined {
  const elements = lists.flat();
  const key =
    field === 'ports'
      ? elements.some((element) => isRecord(element) && 'containerPort' in element)
        ? 'containerPort'
        : 'port'
      : MERGE_KEYS[field];
  if (!key) return undefined;
  const keyed = elements.every(
    (element) =>
      isRecord(element) &&
      (element[key] !== undefined || element.$patch === 'replace' || element.$patch === 'delete'),
  );
  return keyed ? key : undefined;
}
