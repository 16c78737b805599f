import type { HubfleetConfig } from '@hubfleet/core';
import type { Sleep } from '@hubfleet/core/engine';
import type { ServiceClient } from '@hubfleet/openstack-client';
import type { OpenstackProviderSettings } from '../openstack-config.js';
import type { HostResolver } from './host-resolver.js';

/** The Magnum cluster as the edges need it: its uuid is the cloud controller's `--cluster-name`. */
export interface MagnumClusterRef {
  id: string;
  name: string;
}

/**
 * What the resources automating seed 002's manual fixes need from the provider's session. Clients
 * are asked for lazily (they authenticate on first use); the cluster is undefined while it does not
 * exist.
 */
export interface MagnumEdgeDeps {
  /** Neutron (`session.service('network')`): floating IPs and ports. */
  network(): Promise<ServiceClient>;
  /** Octavia (`session.service('load-balancer')`): the Services' load balancers. */
  loadBalancer(): Promise<ServiceClient>;
  /** The deployment's Magnum cluster (found by name and ownership label), or undefined. */
  cluster(): Promise<MagnumClusterRef | undefined>;
  config: HubfleetConfig<OpenstackProviderSettings>;
  /** Where `ingress.host` is looked up before Let's Encrypt is asked. @default public resolvers (`dnsResolver()`) */
  resolver?: HostResolver;
  /** How often waits look again. @default 5000 (the sim wants a few ms) */
  pollIntervalMs?: number;
  /** How long `up` waits for `ingress.host` to resolve to the ingress address. @default 15 minutes */
  dnsWaitMs?: number;
  sleep?: Sleep;
  /** The time, for the Let's Encrypt gate's record. @default Date.now */
  now?: () => number;
}
