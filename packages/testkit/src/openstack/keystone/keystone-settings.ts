import type { Clock } from '../../framework/clock.js';
import type { KeystoneState } from './keystone-state.js';

/** One service in the catalog Keystone hands out with every project-scoped token. */
export interface KeystoneCatalogEntry {
  /** e.g. `compute`, `volumev3`, `network`, `load-balancer`, `container-infra`, `image`. */
  type: string;
  name: string;
  /** `$(project_id)s` / `%(tenant_id)s` are replaced by the token's project, as Keystone does. */
  url: string;
}

export interface KeystoneFakeOptions {
  clock: Clock;
  state?: KeystoneState;
  /** @default 'RegionOne' */
  region?: string;
  /** Keystone's [token] expiration. @default 3600000 (one hour) */
  tokenLifetimeMs?: number;
  /** Services to list in the catalog; more can be added with `registerService`. */
  catalog?: KeystoneCatalogEntry[];
}

export interface KeystoneSettings {
  clock: Clock;
  region: string;
  tokenLifetimeMs: number;
  catalog: KeystoneCatalogEntry[];
  /** This Keystone's own URL, for its identity catalog entry and links; set once it listens. */
  publicUrl: string;
}

export function resolveKeystoneSettings(options: KeystoneFakeOptions): KeystoneSettings {
  return {
    clock: options.clock,
    region: options.region ?? 'RegionOne',
    tokenLifetimeMs: options.tokenLifetimeMs ?? 3_600_000,
    catalog: [...(options.catalog ?? [])],
    publicUrl: 'http://127.0.0.1',
  };
}

export interface KeystoneContext {
  state: KeystoneState;
  settings: KeystoneSettings;
  now: number;
}
