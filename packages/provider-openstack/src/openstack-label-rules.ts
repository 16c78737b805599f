import { type ConfigIssue, error, type HubfleetConfig, warning } from '@hubfleet/core';
import type { OpenstackProviderSettings } from './openstack-config.js';

type Config = HubfleetConfig<OpenstackProviderSettings>;

const LABELS_PATH = ['provider', 'labels'];
/** `v1.31.4` or `1.31` → `1.31`. */
const KUBE_TAG_MINOR = /^v?(1\.[0-9]{1,2})(\.|$)/;
/** A dotted minor version inside a template name, e.g. kubernetes-1.31-ha → 1.31. */
const TEMPLATE_MINOR = /(?:^|[^0-9.])(1\.[0-9]{2})(?![0-9])/;

/** The `kube_tag` label picks the Kubernetes version and overrides the template: it must match. */
function checkKubeTag(config: Config, kubeTag: string): ConfigIssue[] {
  const version = config.cluster.kubernetesVersion;
  const minor = KUBE_TAG_MINOR.exec(kubeTag)?.[1];
  if (minor === undefined || minor === version) return [];
  return [
    error(
      [...LABELS_PATH, 'kube_tag'],
      `kube_tag "${kubeTag}" runs Kubernetes ${minor}, but cluster.kubernetesVersion is "${version}"`,
      `make them agree: kube_tag: v${version}.x, or kubernetesVersion: "${minor}"`,
    ),
  ];
}

/** Without kube_tag, the cluster template decides the version; a template named for another one is suspect. */
function checkTemplateVersion(config: Config): ConfigIssue[] {
  const version = config.cluster.kubernetesVersion;
  const minor = TEMPLATE_MINOR.exec(config.provider.clusterTemplate)?.[1];
  if (minor === undefined || minor === version) return [];
  return [
    warning(
      ['provider', 'clusterTemplate'],
      `the template "${config.provider.clusterTemplate}" looks like Kubernetes ${minor}, but cluster.kubernetesVersion is "${version}"; the template decides`,
      `pick a ${version} template (openstack coe cluster template list), or set kubernetesVersion: "${minor}"`,
    ),
  ];
}

/**
 * One cluster-autoscaler, never two: with the label on, Magnum's runs and hubfleet's is off by default
 * (`openstackToolDefault`); only a config that also turns hubfleet's on explicitly would run both.
 */
function checkMagnumAutoscaler(config: Config, autoScalingEnabled: string): ConfigIssue[] {
  if (autoScalingEnabled !== 'true' || config.tools.autoscaler?.enabled !== true) return [];
  return [
    error(
      [...LABELS_PATH, 'auto_scaling_enabled'],
      "Magnum's own cluster-autoscaler would run next to hubfleet's (tools.autoscaler.enabled: true), and both would resize the same nodegroups",
      "remove auto_scaling_enabled to let hubfleet's autoscaler scale every nodegroup (GPU included), or remove tools.autoscaler.enabled to keep Magnum's",
    ),
  ];
}

/** Magnum labels that overlap what the rest of the config already says. */
export function checkMagnumLabels(config: Config): ConfigIssue[] {
  const labels = config.provider.labels ?? {};
  const kubeTag = labels.kube_tag;
  const autoScalingEnabled = labels.auto_scaling_enabled;
  return [
    ...(kubeTag === undefined ? checkTemplateVersion(config) : checkKubeTag(config, kubeTag)),
    ...(autoScalingEnabled === undefined ? [] : checkMagnumAutoscaler(config, autoScalingEnabled)),
  ];
}
