import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { isProcessAlive } from '@hubfleet/core';
import type { ResolvedOperation, ServiceProtocol } from './http-service.js';
import type { StateStore } from './state-store.js';

/** How long one request may wait for another process's request on the same state (they take milliseconds). */
const MUTEX_WAIT_MS = 30_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** A mutex file left by a process that died inside a request (SIGKILL) belongs to no one. */
function clearIfOrphaned(mutex: string): void {
  try {
    const pid = Number(readFileSync(mutex, 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && !isProcessAlive(pid)) unlinkSync(mutex);
  } catch {
    // Gone already, or half-written by a live owner: wait for it.
  }
}

/** Hold `mutex` (a file created exclusively, holding our pid) while `work` runs: one request at a time across processes. */
function exclusively<T>(mutex: string, work: () => T): T {
  const deadline = Date.now() + MUTEX_WAIT_MS;
  for (;;) {
    try {
      const descriptor = openSync(mutex, 'wx');
      writeSync(descriptor, String(process.pid));
      closeSync(descriptor);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) throw error;
      clearIfOrphaned(mutex);
      Atomics.wait(pause, 0, 0, 2);
    }
  }
  try {
    return work();
  } finally {
    unlinkSync(mutex);
  }
}

/** Replace `target`'s contents by `source`'s, keeping the object every handler holds. */
function replaceContents(target: object, source: object): void {
  for (const key of Object.keys(target)) delete (target as Record<string, unknown>)[key];
  Object.assign(target, source);
}

/**
 * A fake's state shared by every process serving it from one file (sim mode: two `hubfleet up` on
 * one deployment). Each request runs alone across those processes, on the state as the file holds
 * it, and a successful mutation is written back before the next request may start: the atomicity a
 * cloud gives its conditional operations (S3 `If-None-Match: *`), which per-process state cannot.
 * Handlers of a shared protocol must be synchronous.
 */
export function shareStateAcrossProcesses<State extends object>(
  protocol: ServiceProtocol,
  store: StateStore<State>,
  file: string,
): ServiceProtocol {
  const mutex = `${file}.mutex`;
  const withCurrentState = <T>(work: () => T): T =>
    exclusively(mutex, () => {
      if (existsSync(file)) replaceContents(store.state, JSON.parse(readFileSync(file, 'utf8')) as object);
      return work();
    });
  const { arrive } = protocol;
  return {
    ...protocol,
    ...(arrive === undefined ? {} : { arrive: (head) => withCurrentState(() => arrive(head)) }),
    resolve(request) {
      const resolved = withCurrentState(() => protocol.resolve(request));
      if (resolved === undefined) return undefined;
      const shared: ResolvedOperation = {
        ...resolved,
        handle: () =>
          withCurrentState(() => {
            const response = resolved.handle();
            if (response instanceof Promise)
              throw new Error(`${protocol.name}: a shared fake's handlers must be synchronous`);
            if (resolved.mutating && response.status < 300) store.save();
            return response;
          }),
      };
      return shared;
    },
  };
}
