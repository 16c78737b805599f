import {
  type ConnectContextV1,
  type HubfleetConfig,
  type ProviderResourceV1,
  type ProviderSessionV1,
  simulationOf,
} from '@hubfleet/core';
import { createOpenStackSession } from '@hubfleet/openstack-client';
import { cinderVolumes } from './cinder-volumes.js';
import { dnsResolver, magnumEdgeResources } from './edges/index.js';
import { magnumCluster } from './magnum-cluster.js';
import { findCluster } from './magnum-cluster-lookup.js';
import { magnumNodegroups } from './magnum-nodegroups.js';
import { templateLabels } from './magnum-template.js';
import { openstackAddons } from './openstack-addons.js';
import type { OpenstackProviderSettings } from './openstack-config.js';
import type { OpenstackConnectOverrides } from './openstack-connect-options.js';
import { openstackCredentials } from './openstack-credentials.js';
import { type OpenstackDeployment, openstackDeployment } from './openstack-deployment.js';

/** A session on OpenStack Magnum: the contract's, plus the deployment context the edge resources share. */
export interface OpenstackProviderSession extends ProviderSessionV1 {
  deployment: OpenstackDeployment;
}

/**
 * The provider's steps: seed 002's manual fixes (`edges/`): the Cinder CSI node plugin's
 * tolerations, the Services' Octavia load balancers in teardown, the ingress floating IP and the
 * Let's Encrypt DNS gate. The cluster is the deployment's (name and ownership label); under `--sim`
 * `ingress.host` is looked up at the simulated world's DNS server, never a real one.
 */
function providerResources(os: OpenstackDeployment, dns: string | undefined): ProviderResourceV1[] {
  return magnumEdgeResources({
    network: os.services.neutron,
    loadBalancer: os.services.octavia,
    cluster: async () => {
      const { ours } = await findCluster(os);
      return ours === undefined ? undefined : { id: ours.uuid, name: ours.name };
    },
    config: os.config,
    ...(dns === undefined ? {} : { resolver: dnsResolver([dns]) }),
    pollIntervalMs: os.pollIntervalMs,
  });
}

/**
 * Builds a session. This module imports the OpenStack client: it is only loaded through
 * `await import()` in `connectOpenstack`, so `validate` and `--help` never load it.
 */
export async function createOpenstackSession(
  config: HubfleetConfig<OpenstackProviderSettings>,
  context: ConnectContextV1,
  overrides: OpenstackConnectOverrides,
): Promise<OpenstackProviderSession> {
  const simulation = simulationOf(context);
  const credentials = await openstackCredentials(config, simulation, context);
  const openstack = createOpenStackSession({
    credentials,
    http: {
      ...(overrides.retryDelayMs === undefined ? {} : { retry: { baseDelayMs: overrides.retryDelayMs } }),
    },
    ...(overrides.microversionCaps === undefined ? {} : { microversionCaps: overrides.microversionCaps }),
  });
  const os = openstackDeployment(config, openstack, {
    simulated: simulation !== undefined,
    pollIntervalMs: overrides.pollIntervalMs ?? (simulation === undefined ? 2000 : 50),
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  });
  // The template's labels decide which autoscaler runs (addons are computed without a call).
  const labels = await templateLabels(os);
  return {
    deployment: os,
    cluster: magnumCluster(os),
    nodeGroups: magnumNodegroups(os),
    volumes: cinderVolumes(os),
    addons: () => openstackAddons(config, labels),
    resources: () => providerResources(os, simulation?.endpoints.dns),
    close: async () => {},
  };
}
