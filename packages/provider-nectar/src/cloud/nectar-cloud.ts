import type { HubfleetConfig } from '@hubfleet/core';
import type { ServiceClient } from '@hubfleet/openstack-client';
import type { NectarProviderSettings } from '../nectar-config.js';

/** One session's view of the NeCTAR project: the config, the service clients and how to wait. */
export interface NectarCloud {
  readonly config: HubfleetConfig<NectarProviderSettings>;
  readonly compute: ServiceClient;
  readonly network: ServiceClient;
  readonly volume: ServiceClient;
  readonly image: ServiceClient;
  /** The key pair's private key (OpenSSH or PEM text) hubfleet logs in to the VMs with. */
  readonly privateKey: string;
  /** The image's login user (NeCTAR Ubuntu images: `ubuntu`). */
  readonly loginUser: string;
  /** Between polls of a VM or volume that is still changing. */
  readonly pollIntervalMs: number;
  /** How long a VM may stay in BUILD before `up` stops and asks for a re-run (004: "re-run it"). */
  readonly buildTimeoutMs: number;
  readonly signal: AbortSignal | undefined;
  sleep(ms: number): Promise<void>;
}
