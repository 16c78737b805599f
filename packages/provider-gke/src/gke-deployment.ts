import type { HubfleetConfig } from '@hubfleet/core';
import type { GkeClients } from './gke-clients.js';
import type { GkeProviderSettings } from './gke-config.js';
import { type GoogleErrorContext, isGoogleNotFound, mapGoogleError } from './gke-errors.js';
import { parseGkeLocation } from './gke-locations.js';
import { type GkeBackoff, withBackoff } from './gke-retry.js';

/** What every resource module of a session works with. */
export interface GkeDeployment {
  config: HubfleetConfig<GkeProviderSettings>;
  /** The deployment's name: the cluster's name and the ownership label value. */
  deployment: string;
  project: string;
  /** Zone or region, as the config gives it. */
  location: string;
  region: string;
  /** The zone zonal resources go in: the location itself, or the region's first zone (`-a`). */
  primaryZone: string;
  /** `projects/p/locations/l`. */
  parent: string;
  /** `projects/p/locations/l/clusters/<deployment>`. */
  clusterPath: string;
  clients: GkeClients;
  backoff: GkeBackoff;
  /** Between reads of a running operation, in ms. */
  pollIntervalMs: number;
  /** Run one API call: errors come out as HubfleetErrors, transient ones retried first. */
  call<Result>(operation: string, subject: string | undefined, work: () => Promise<Result>): Promise<Result>;
}

export function gkeDeployment(
  config: HubfleetConfig<GkeProviderSettings>,
  clients: GkeClients,
  backoff: GkeBackoff,
  pollIntervalMs: number,
): GkeDeployment {
  const { project, location } = config.provider;
  const parsed = parseGkeLocation(location);
  const region = parsed.kind === 'invalid' ? location : parsed.region;
  const parent = `projects/${project}/locations/${location}`;
  const context = (operation: string, subject: string | undefined): GoogleErrorContext => ({
    operation,
    project,
    ...(subject === undefined ? {} : { subject }),
  });
  return {
    config,
    deployment: config.name,
    project,
    location,
    region,
    primaryZone: parsed.kind === 'zone' ? location : `${region}-a`,
    parent,
    clusterPath: `${parent}/clusters/${config.name}`,
    clients,
    backoff,
    pollIntervalMs,
    call: (operation, subject, work) =>
      withBackoff(backoff, async () => {
        try {
          return await work();
        } catch (error) {
          throw mapGoogleError(error, context(operation, subject));
        }
      }),
  };
}

/** The result, or undefined when the thing is not there. */
export async function unlessNotFound<Result>(work: Promise<Result>): Promise<Result | undefined> {
  try {
    return await work;
  } catch (error) {
    if (isGoogleNotFound(error)) return undefined;
    throw error;
  }
}
