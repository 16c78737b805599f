import { type CredentialHelperV1, isOnPath } from '@hubfleet/core';

export const GKE_AUTH_PLUGIN = 'gke-gcloud-auth-plugin';

/**
 * `gke-gcloud-auth-plugin`, when it is installed, as the kubeconfig's exec entry, written as
 * `gcloud container clusters get-credentials` writes it: ExecCredential v1beta1, no arguments,
 * the install hint, and the cluster's details passed to it. The plugin signs in as gcloud's
 * account, so it is offered only when hubfleet itself runs on the operator's own credentials (no
 * `provider.credentials` key file) and never for a simulated cluster, which Google's token service
 * knows nothing of. Otherwise `hubfleet kubeconfig token` serves (the same credentials as hubfleet).
 */
export function gkeAuthPluginHelper(options: {
  simulated: boolean;
  /** `provider.credentials` is set: hubfleet signs with a key the plugin would not use. */
  keyFile: boolean;
  path?: string;
}): CredentialHelperV1 | undefined {
  if (options.simulated || options.keyFile || !isOnPath(GKE_AUTH_PLUGIN, options.path)) return undefined;
  return {
    command: GKE_AUTH_PLUGIN,
    args: [],
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    installHint:
      'Install gke-gcloud-auth-plugin for use with kubectl by following https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin',
    provideClusterInfo: true,
  };
}
