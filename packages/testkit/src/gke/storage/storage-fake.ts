import type { ServiceProtocol } from '../../framework/http-service.js';
import { type RunningFake, type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { createGoogleProtocol } from '../google-protocol.js';
import { STORAGE_ROUTES } from './storage-routes.js';
import type { StorageFakeOptions } from './storage-settings.js';
import { createStorageState, type StorageState } from './storage-state.js';

export interface StorageFake {
  protocol: ServiceProtocol;
  state: StorageState;
}

/** Cloud Storage's JSON API v1 over `state`: buckets with labels, versioning and IAM, objects with generations. */
export function createStorageFake(options: StorageFakeOptions): StorageFake {
  const state = options.state ?? createStorageState();
  const protocol = createGoogleProtocol({
    name: 'storage',
    domain: 'storage.googleapis.com',
    routes: STORAGE_ROUTES,
    context: () => ({ state, options, now: options.clock.now() }),
    ...(options.authenticate ? { authenticate: options.authenticate } : {}),
  });
  return { protocol, state };
}

export interface StartStorageFakeOptions extends Omit<StorageFakeOptions, 'state'>, StartFakeOptions {}

/** Serves Cloud Storage on 127.0.0.1: requests to `<url>/storage/v1/…` and `<url>/upload/storage/v1/…`. */
export async function startStorageFake(
  options: StartStorageFakeOptions,
): Promise<RunningFake<StorageState, StorageFake>> {
  return startFake(options, createStorageState, (state) => createStorageFake({ ...options, state }));
}
