import type { ConnectContextV1, HubfleetConfig, SimulationV1 } from '@hubfleet/core';
import type { OpenStackCredentials } from '@hubfleet/openstack-client';
import type { OpenstackProviderSettings } from './openstack-config.js';

/** The simulated cloud's application credential (its clouds.yaml `auth` fields), never a real one. */
function simulatedCredentials(simulation: SimulationV1): OpenStackCredentials {
  const fields = simulation.credentials;
  return {
    auth: {
      type: 'application-credential',
      authUrl: fields.auth_url ?? `${simulation.endpoints.keystone}/v3`,
      applicationCredentialId: fields.application_credential_id ?? '',
      secret: fields.application_credential_secret ?? '',
    },
    ...(fields.region_name === undefined ? {} : { regionName: fields.region_name }),
    source: 'the simulated OpenStack cloud',
  };
}

/**
 * Where the session's credentials come from: the simulated cloud under `--sim`; else `provider.cloud`
 * in clouds.yaml, or the OS_* variables of a sourced openrc, as the `openstack` CLI reads them.
 */
export async function openstackCredentials(
  config: HubfleetConfig<OpenstackProviderSettings>,
  simulation: SimulationV1 | undefined,
  context: ConnectContextV1,
): Promise<OpenStackCredentials> {
  if (simulation !== undefined) return simulatedCredentials(simulation);
  const { loadOpenStackCredentials } = await import('@hubfleet/openstack-client');
  return loadOpenStackCredentials({
    ...(config.provider.cloud === undefined ? {} : { cloud: config.provider.cloud }),
    cwd: context.configDirectory,
  });
}
