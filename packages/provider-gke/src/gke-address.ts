import type { protos } from '@google-cloud/compute';
import { dataOnDelete, HubfleetError, type ResourceDataV1 } from '@hubfleet/core';
import { type GkeDeployment, unlessNotFound } from './gke-deployment.js';
import { googleStatusOf, isGoogleAlreadyExists } from './gke-errors.js';
import { fromGoogleLabels, ownershipLabels } from './gke-labels.js';
import { computeOperationOf, waitForCompute } from './gke-operations.js';

type Address = protos.google.cloud.compute.v1.IAddress;

/** Set while the address is a deployment's DNS target (see `gke-dns-target.ts`). */
const SERVING = 'hubfleet-serving';

/** The static address as hubfleet sees it. */
export interface ObservedAddress {
  name: string;
  ip: string;
  status: string;
  /** Forwarding rules (the ingress Service's) holding it. */
  users: string[];
  owned: boolean;
  /** The address's labels as Compute Engine holds them. */
  labels: Record<string, string>;
}

/**
 * `provider.staticIp`: a regional external address (Rhodes reserved one by hand in the console),
 * reserved and labelled by hubfleet or adopted by name, given to ingress-nginx's Service by name
 * (see `gke-addons.ts`). An address change breaks DNS, so `down` keeps it unless data is deleted too.
 */
export interface StaticAddressApi {
  /** The configured address's name, or undefined when the config asks for none. */
  readonly name: string | undefined;
  observe(): Promise<ObservedAddress | undefined>;
  /** Reserve it (or adopt it) and wait until it is RESERVED; returns its IP. */
  ensure(): Promise<ObservedAddress | undefined>;
  /**
   * Whether `down --delete-data` may release it: never an adopted address (reserved outside
   * hubfleet), else as the config's hubs say (`dataOnDelete`).
   */
  dataPolicy(observed: ObservedAddress): Pick<ResourceDataV1, 'onDelete' | 'keptBecause'>;
  /**
   * Release it (an owned, not adopted address; otherwise nothing). While a forwarding rule still
   * holds it, a retryable `conflict`: the ingress Service's load balancer is being removed.
   */
  release(): Promise<void>;
  /** Mark it as serving `deployment` (its DNS target), or clear the mark; the address stays. */
  setServing(deployment: string | undefined): Promise<void>;
}

export function gkeStaticAddress(gke: GkeDeployment): StaticAddressApi {
  const name = gke.config.provider.staticIp?.name;
  const subject = `address/${name ?? ''}`;
  const { addresses } = gke.clients;
  const scope = { region: gke.region };

  function observed(address: Address): ObservedAddress {
    const tags = fromGoogleLabels(address.labels);
    return {
      name: address.name ?? '',
      ip: address.address ?? '',
      status: String(address.status ?? ''),
      users: [...(address.users ?? [])],
      owned: tags['hubfleet.io/deployment'] === gke.deployment,
      labels: { ...(address.labels ?? {}) },
    };
  }

  async function get(): Promise<Address | undefined> {
    if (name === undefined) return undefined;
    const answer = await unlessNotFound(
      gke.call('compute.addresses.get', subject, () =>
        addresses.get({ project: gke.project, region: gke.region, address: name }),
      ),
    );
    return answer?.[0];
  }

  /** An address reserved by hand (Rhodes' jupyter-ip) is adopted: labelled, never released by hubfleet. */
  async function labelIfMissing(address: Address): Promise<void> {
    const wanted = ownershipLabels(gke.deployment, 'network');
    const labels = { ...(address.labels ?? {}) };
    if (Object.entries(wanted).every(([key, value]) => labels[key] === value)) return;
    if (
      labels['hubfleet-deployment'] !== undefined &&
      labels['hubfleet-deployment'] !== wanted['hubfleet-deployment']
    ) {
      throw new HubfleetError({
        kind: 'conflict',
        message: `the address ${name} in ${gke.region} is labelled as deployment ${labels['hubfleet-deployment']}'s`,
        hint: 'give this deployment its own provider.staticIp.name, or remove the other deployment first',
        subject: 'provider.staticIp.name',
      });
    }
    await setLabels(address, {
      ...labels,
      ...wanted,
      'hubfleet-adopted': address.labels?.['hubfleet-adopted'] ?? 'true',
    });
  }

  async function setLabels(address: Address, labels: Record<string, string>): Promise<void> {
    const answer = await gke.call('compute.addresses.setLabels', subject, () =>
      addresses.setLabels({
        project: gke.project,
        region: gke.region,
        resource: name ?? '',
        regionSetLabelsRequestResource: { labels, labelFingerprint: address.labelFingerprint ?? '' },
      }),
    );
    await waitForCompute(gke, scope, computeOperationOf(answer), subject);
  }

  async function setServing(deployment: string | undefined): Promise<void> {
    const address = await get();
    if (address === undefined) return;
    const { [SERVING]: current, ...others } = address.labels ?? {};
    if (current === deployment) return;
    await setLabels(address, deployment === undefined ? others : { ...others, [SERVING]: deployment });
  }

  async function ensure(): Promise<ObservedAddress | undefined> {
    if (name === undefined) return undefined;
    let address = await get();
    if (address === undefined) {
      try {
        const answer = await gke.call('compute.addresses.insert', subject, () =>
          addresses.insert({
            project: gke.project,
            region: gke.region,
            addressResource: {
              name,
              addressType: 'EXTERNAL',
              networkTier: 'PREMIUM',
              description: `hubfleet: ingress address of deployment ${gke.deployment}`,
              labels: ownershipLabels(gke.deployment, 'network'),
            },
          }),
        );
        await waitForCompute(gke, scope, computeOperationOf(answer), subject);
      } catch (error) {
        if (!isGoogleAlreadyExists(error)) throw error;
      }
      address = await get();
    } else {
      await labelIfMissing(address);
    }
    return address === undefined ? undefined : observed(address);
  }

  async function release(): Promise<void> {
    const address = await get();
    if (address === undefined) return;
    const tags = fromGoogleLabels(address.labels);
    if (tags['hubfleet.io/deployment'] !== gke.deployment || address.labels?.['hubfleet-adopted'] === 'true')
      return;
    try {
      const answer = await unlessNotFound(
        gke.call('compute.addresses.delete', subject, () =>
          addresses.delete({ project: gke.project, region: gke.region, address: name ?? '' }),
        ),
      );
      if (answer !== undefined) await waitForCompute(gke, scope, computeOperationOf(answer), subject);
    } catch (error) {
      const { reason } = googleStatusOf(error);
      if (reason !== 'RESOURCE_IN_USE_BY_ANOTHER_RESOURCE' && reason !== 'resourceInUseByAnotherResource')
        throw error;
      throw new HubfleetError({
        kind: 'conflict',
        retryable: true,
        message: `the address ${name} is still held by a forwarding rule`,
        hint: "the ingress Service's load balancer is still being removed; hubfleet retries",
        subject,
        cause: error,
      });
    }
  }

  function dataPolicy(address: ObservedAddress): Pick<ResourceDataV1, 'onDelete' | 'keptBecause'> {
    if (address.labels['hubfleet-adopted'] === 'true') {
      return { onDelete: 'retain', keptBecause: 'it was reserved outside hubfleet (adopted)' };
    }
    return dataOnDelete(gke.config);
  }

  return {
    name,
    observe: async () => {
      const address = await get();
      return address === undefined ? undefined : observed(address);
    },
    ensure,
    dataPolicy,
    release,
    setServing,
  };
}
