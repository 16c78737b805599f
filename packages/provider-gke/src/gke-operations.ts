import type { protos } from '@google-cloud/container';
import { HubfleetError } from '@hubfleet/core';
import { type GkeDeployment, unlessNotFound } from './gke-deployment.js';
import { isClusterBusy } from './gke-errors.js';
import { pause } from './gke-retry.js';

type Operation = protos.google.container.v1.IOperation;

/** Enums arrive as names or numbers depending on the client's decoding: one spelling here. */
const OPERATION_STATUS = ['STATUS_UNSPECIFIED', 'PENDING', 'RUNNING', 'DONE', 'ABORTING'];

export function operationStatus(operation: Operation): string {
  const status = operation.status as unknown;
  return typeof status === 'number'
    ? (OPERATION_STATUS[status] ?? 'STATUS_UNSPECIFIED')
    : String(status ?? '');
}

/** How long hubfleet waits for someone else's operation on the cluster before giving the step back. */
const MAX_BUSY_WAITS = 40;

/**
 * GKE runs one operation at a time per cluster. Every cluster-changing call of a session goes through
 * here: one after another (the engine runs nodegroup steps in parallel), each polled until DONE; a
 * call refused with CLUSTER_ALREADY_HAS_OPERATION (an auto-upgrade, a repair, or a run that was
 * interrupted) waits for the running operation and is sent again.
 */
export interface ClusterOperations {
  run(what: string, subject: string, start: () => Promise<Operation>): Promise<Operation>;
  /** Poll one operation until DONE; an operation DONE with `error` is a failure carrying its message. */
  wait(operation: Operation, subject: string): Promise<Operation>;
}

export function clusterOperations(gke: GkeDeployment): ClusterOperations {
  let queue: Promise<unknown> = Promise.resolve();
  const { clusters } = gke.clients;

  async function get(name: string, subject: string): Promise<Operation | undefined> {
    const [operation] =
      (await unlessNotFound(
        gke.call('container.operations.get', subject, () =>
          clusters.getOperation({ name: `${gke.parent}/operations/${name}` }),
        ),
      )) ?? [];
    return operation;
  }

  async function wait(operation: Operation, subject: string): Promise<Operation> {
    let current = operation;
    while (operationStatus(current) !== 'DONE') {
      await pause(gke.pollIntervalMs, gke.backoff.signal);
      const next = await get(current.name ?? '', subject);
      if (next === undefined) return current;
      current = next;
    }
    if (current.error?.message) {
      throw new HubfleetError({
        kind: 'unavailable',
        retryable: false,
        message: `GKE operation ${current.name} (${String(current.operationType)}) failed for ${subject}: ${current.error.message}`,
        hint: 'GKE gave up on it; fix what the message names (quota, machine type, zone capacity), then run `hubfleet up` again',
        subject,
      });
    }
    return current;
  }

  /** The operations running on our cluster now (started by anyone). */
  async function running(subject: string): Promise<Operation[]> {
    const [answer] = await gke.call('container.operations.list', subject, () =>
      clusters.listOperations({ parent: gke.parent }),
    );
    return (answer.operations ?? []).filter(
      (operation) =>
        operationStatus(operation) !== 'DONE' &&
        (operation.targetLink ?? '').includes(`/clusters/${gke.deployment}`),
    );
  }

  async function startWhenFree(subject: string, start: () => Promise<Operation>): Promise<Operation> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await start();
      } catch (error) {
        if (!isClusterBusy(error) || attempt >= MAX_BUSY_WAITS) throw error;
      }
      const busy = await running(subject);
      if (busy.length === 0) await pause(gke.pollIntervalMs, gke.backoff.signal);
      for (const operation of busy) await wait(operation, subject).catch(() => undefined);
    }
  }

  return {
    wait,
    run(_what, subject, start) {
      const result = queue.then(async () => wait(await startWhenFree(subject, start), subject));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

/** Compute Engine operations: zonal (disks), regional (addresses) or global (snapshots). */
export type ComputeScope = { zone: string } | { region: string } | 'global';

interface ComputeOperation {
  name?: string | null;
  status?: unknown;
  error?: { errors?: { code?: string | null; message?: string | null }[] | null } | null;
}

/** Poll a compute operation until DONE; an `error` on it is a failure with its first message. */
export async function waitForCompute(
  gke: GkeDeployment,
  scope: ComputeScope,
  operation: ComputeOperation,
  subject: string,
): Promise<void> {
  let current = operation;
  const { zoneOperations, regionOperations, globalOperations } = gke.clients;
  const project = gke.project;
  while (String(current.status) !== 'DONE' && current.status !== 2) {
    await pause(gke.pollIntervalMs, gke.backoff.signal);
    const name = current.name ?? '';
    const [next] = await gke.call('compute.operations.get', subject, () =>
      scope === 'global'
        ? globalOperations.get({ project, operation: name })
        : 'zone' in scope
          ? zoneOperations.get({ project, zone: scope.zone, operation: name })
          : regionOperations.get({ project, region: scope.region, operation: name }),
    );
    current = next as ComputeOperation;
  }
  const failure = current.error?.errors?.[0];
  if (failure) {
    throw new HubfleetError({
      kind: failure.code === 'QUOTA_EXCEEDED' ? 'quota' : 'unavailable',
      retryable: false,
      message: `Compute Engine operation ${current.name} failed for ${subject}: ${failure.code}: ${failure.message}`,
      hint: 'fix what the message names, then run `hubfleet up` again',
      subject,
    });
  }
}

/** The operation a compute `insert`/`delete` returned (`[LROperation]`; its latest response). */
export function computeOperationOf(answer: unknown): ComputeOperation {
  const first = Array.isArray(answer) ? answer[0] : answer;
  const latest = (first as { latestResponse?: ComputeOperation } | undefined)?.latestResponse;
  return latest ?? (first as ComputeOperation);
}
