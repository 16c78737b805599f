import { createProviderRegistry, type ProviderRegistry, type ProviderV1 } from '@hubfleet/core';
import { awsProvider } from '@hubfleet/provider-aws';
import { gkeProvider } from '@hubfleet/provider-gke';
import { nectarProvider } from '@hubfleet/provider-nectar';
import { openstackProvider } from '@hubfleet/provider-openstack';

/** The CLI is where providers meet core: core never imports a provider. */
export function registry(): ProviderRegistry {
  return createProviderRegistry([
    awsProvider,
    openstackProvider,
    gkeProvider,
    nectarProvider,
  ] as unknown as ProviderV1[]);
}
