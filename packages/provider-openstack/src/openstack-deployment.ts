import type { HubfleetConfig } from '@hubfleet/core';
import type { OpenStackSession, ServiceClient } from '@hubfleet/openstack-client';
import type { OpenstackProviderSettings } from './openstack-config.js';

/** The OpenStack services a session talks to, each with its endpoint and microversion negotiated once. */
export interface OpenstackServices {
  magnum(): Promise<ServiceClient>;
  cinder(): Promise<ServiceClient>;
  neutron(): Promise<ServiceClient>;
  octavia(): Promise<ServiceClient>;
}

/**
 * What every resource module of a session works with (shared with `src/edges/`): the config, the
 * services, and how to wait. The Magnum cluster is found by name and ownership label through
 * `magnum-cluster-lookup.ts`; everything else hangs off its uuid.
 */
export interface OpenstackDeployment {
  config: HubfleetConfig<OpenstackProviderSettings>;
  /** The deployment's name: the Magnum cluster's name and the ownership label value. */
  deployment: string;
  openstack: OpenStackSession;
  services: OpenstackServices;
  /** True against the simulated cloud: its Kubernetes API stands in for the cluster's address. */
  simulated: boolean;
  /** Between reads of an operation in progress, in ms. */
  pollIntervalMs: number;
  signal?: AbortSignal;
}

export function openstackDeployment(
  config: HubfleetConfig<OpenstackProviderSettings>,
  openstack: OpenStackSession,
  options: { simulated: boolean; pollIntervalMs: number; signal?: AbortSignal },
): OpenstackDeployment {
  return {
    config,
    deployment: config.name,
    openstack,
    services: {
      magnum: () => openstack.service('container-infra'),
      cinder: () => openstack.service('block-storage'),
      neutron: () => openstack.service('network'),
      octavia: () => openstack.service('load-balancer'),
    },
    simulated: options.simulated,
    pollIntervalMs: options.pollIntervalMs,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
}
