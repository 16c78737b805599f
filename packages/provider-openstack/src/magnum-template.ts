import { HubfleetError } from '@hubfleet/core';
import {
  getClusterTemplate,
  isOpenStackStatus,
  type MagnumClusterTemplate,
} from '@hubfleet/openstack-client';
import type { OpenstackDeployment } from './openstack-deployment.js';

const SUBJECT = 'provider.clusterTemplate';

/**
 * The cluster template `provider.clusterTemplate` names (by name or id), checked before anything is
 * created: it must exist and run Kubernetes with TLS, since hubfleet reaches the cluster with a client
 * certificate signed by Magnum (python-magnumclient's way), which a TLS-disabled cluster has none of.
 */
export async function clusterTemplate(os: OpenstackDeployment): Promise<MagnumClusterTemplate> {
  const ident = os.config.provider.clusterTemplate;
  let template: MagnumClusterTemplate;
  try {
    template = await getClusterTemplate(await os.services.magnum(), ident);
  } catch (error) {
    if (isOpenStackStatus(error, 404)) {
      throw new HubfleetError({
        kind: 'invalid-config',
        message: `there is no Magnum cluster template "${ident}" in this project`,
        hint: 'pick one from `openstack coe cluster template list` (name or id)',
        subject: SUBJECT,
        cause: error,
      });
    }
    if (isOpenStackStatus(error, 409)) {
      throw new HubfleetError({
        kind: 'invalid-config',
        message: `more than one Magnum cluster template is named "${ident}"`,
        hint: 'write the template id instead (openstack coe cluster template list -c uuid -c name)',
        subject: SUBJECT,
        cause: error,
      });
    }
    throw error;
  }
  if (template.coe !== 'kubernetes') {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `the cluster template "${ident}" makes ${template.coe} clusters, not Kubernetes`,
      hint: 'pick a template whose COE is kubernetes',
      subject: SUBJECT,
    });
  }
  if (template.tlsDisabled) {
    throw new HubfleetError({
      kind: 'refused',
      message: `the cluster template "${ident}" disables TLS: its clusters have no certificate authority, so nothing can prove who talks to their API`,
      hint: 'pick a template with tls_disabled=false; hubfleet reaches the cluster with a client certificate signed by Magnum',
      subject: SUBJECT,
    });
  }
  return template;
}

const labelsOf = new WeakMap<OpenstackDeployment, Promise<Record<string, string>>>();

/**
 * The template's labels, read once per session, for what the cluster runs (its autoscaler). A
 * template that is missing or refused counts as labelled with nothing here: creating the cluster
 * reads it again and says what is wrong. A cloud that keeps failing (retryable) fails the session,
 * rather than deciding the autoscaler without the template.
 */
export function templateLabels(os: OpenstackDeployment): Promise<Record<string, string>> {
  let labels = labelsOf.get(os);
  if (labels === undefined) {
    labels = clusterTemplate(os).then(
      (template) => template.labels,
      (error: unknown) => {
        if (HubfleetError.is(error) && !error.retryable) return {};
        throw error;
      },
    );
    labelsOf.set(os, labels);
  }
  return labels;
}
