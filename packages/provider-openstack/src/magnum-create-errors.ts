import { HubfleetError } from '@hubfleet/core';
import { isOpenStackStatus } from '@hubfleet/openstack-client';

/**
 * Magnum's answers to a cluster create that point at a config field (api-ref container-infra
 * "Create new cluster": 400 Bad Request, 404 Not Found), said in the config's words. Quota
 * (403 ResourceLimitExceeded) and transient failures are already mapped by the client.
 */
export function explainClusterCreateError(error: unknown, keypair: string): unknown {
  if (isOpenStackStatus(error, 404) && /keypair/i.test(error.message)) {
    return new HubfleetError({
      kind: 'invalid-config',
      message: `the key pair "${keypair}" does not exist in this project, so Magnum cannot put it on the nodes`,
      hint: 'create it (openstack keypair create --public-key ~/.ssh/id_ed25519.pub <name>) or name an existing one (openstack keypair list)',
      subject: 'provider.keypair',
      cause: error,
    });
  }
  if ((isOpenStackStatus(error, 400) || isOpenStackStatus(error, 404)) && /flavor/i.test(error.message)) {
    return new HubfleetError({
      kind: 'invalid-config',
      message: `Magnum refused a flavor: ${error.message}`,
      hint: 'use flavors from `openstack flavor list` for provider.masterFlavor and the nodegroups',
      subject: 'provider.masterFlavor',
      cause: error,
    });
  }
  return error;
}
