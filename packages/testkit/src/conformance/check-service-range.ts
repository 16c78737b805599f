import {
  ipv4ToNumber,
  NO_PROVISIONED_FACTS,
  nfsServerRelease,
  parseServiceCidr,
  serviceCidrFor,
} from '@hubfleet/core/kubernetes';
import { expect } from 'vitest';
import type { ConformanceContext } from './conformance-context.js';

/**
 * Stage: the cluster reports the range it allocates Service IPs from (`ObservedClusterV1.serviceCidr`),
 * and the fixed clusterIP core gives a shared-nfs hub's NFS server lies in it: a Service outside the
 * cluster's own range is refused by the API server.
 */
export async function checkServiceRange(context: ConformanceContext): Promise<void> {
  const cluster = await context.session.cluster.observe();
  const serviceCidr = cluster?.serviceCidr;
  expect(serviceCidr, 'cluster.observe().serviceCidr: the cluster’s Service range').toBeDefined();
  const range = parseServiceCidr(serviceCidr as string);
  const hub = context.config.hubs.find((candidate) => candidate.storage.home === 'shared-nfs');
  expect(hub, 'a shared-nfs hub in the conformance config').toBeDefined();
  if (hub === undefined) return;
  const cidr = serviceCidrFor(context.provider, { serviceCidr: serviceCidr as string });
  expect(cidr).toBe(serviceCidr);
  const values = nfsServerRelease(context.config, hub, NO_PROVISIONED_FACTS, { serviceCidr: cidr })?.values as
    | { service?: { clusterIP?: string } }
    | undefined;
  const address = values?.service?.clusterIP ?? '';
  const offset = (ipv4ToNumber(address) ?? Number.NaN) - range.network;
  expect(offset >= 0 && offset < range.size, `NFS clusterIP ${address} inside ${serviceCidr}`).toBe(true);
}
