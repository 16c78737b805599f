import type { HubfleetConfig } from '@hubfleet/core';
import type { NectarProviderSettings } from '../nectar-config.js';
import type { BootstrapInput, BootstrapScript } from './bootstrap-step.js';
import { hostHelpers, hostVariables, kubernetesMinor } from './host-steps.js';
import {
  controlPlaneUpgrade,
  drainNode,
  kubeadmPackage,
  kubeadmUpgradeNode,
  kubeletPackages,
  kubeletRestart,
  kubernetesRepository,
  uncordonNode,
  upgradeHelpers,
  upgradePath,
} from './upgrade-steps.js';

type Config = HubfleetConfig<NectarProviderSettings>;

/** `1.34` → `1.33`. */
function previousMinor(minor: string): string {
  const [major = '1', number = '0'] = minor.split('.');
  return `${major}.${Number(number) - 1}`;
}

/** The minors an upgrade goes through, one at a time: `1.32` → `1.34` is `['1.33', '1.34']`. */
export function upgradeMinors(from: string, to: string): string[] {
  const [major = '1', start = '0'] = from.split('.');
  const end = Number(to.split('.')[1] ?? 0);
  const minors: string[] = [];
  for (let number = Number(start) + 1; number <= end; number++) minors.push(`${major}.${number}`);
  return minors;
}

const NODE_INPUT: readonly BootstrapInput[] = [
  { name: 'HUBFLEET_NODE_NAME', why: 'the worker Node to drain or uncordon (its VM hostname)' },
];

function upgradeScript(
  config: Config,
  minor: string,
  part: Pick<BootstrapScript, 'file' | 'inputs' | 'steps'> & { what: string; nodeName?: string },
): BootstrapScript {
  return {
    file: part.file,
    title: `hubfleet upgrade of ${config.name} to Kubernetes ${minor}: ${part.what}`,
    inputs: part.inputs,
    variables: {
      KUBERNETES_MINOR: hostVariables(minor).KUBERNETES_MINOR ?? '',
      KUBERNETES_REPO: hostVariables(minor).KUBERNETES_REPO ?? '',
      ...(part.steps.includes(upgradePath) ? { PREVIOUS_MINOR: `"${previousMinor(minor)}"` } : {}),
      ...(part.nodeName ? { NODE_NAME: part.nodeName } : {}),
    },
    helpers: [...hostHelpers, ...upgradeHelpers],
    steps: part.steps,
  };
}

/**
 * An upgrade to `minor` (the config's by default), in the order the provider runs them: the
 * control plane, then for each worker its kubeadm, its drain (on the control plane), its kubelet
 * and its uncordon (on the control plane).
 */
export function upgradeScripts(config: Config, minor = kubernetesMinor(config)): BootstrapScript[] {
  return [
    upgradeScript(config, minor, {
      file: 'upgrade-control-plane.sh',
      what: 'the control plane (run first)',
      inputs: [],
      nodeName: '"$(hostname)"',
      steps: [
        upgradePath,
        kubernetesRepository,
        kubeadmPackage,
        controlPlaneUpgrade,
        drainNode,
        kubeletPackages,
        kubeletRestart,
        uncordonNode,
      ],
    }),
    upgradeScript(config, minor, {
      file: 'upgrade-node-kubeadm.sh',
      what: "a worker's kubeadm and kubeadm upgrade node (on the worker)",
      inputs: [],
      steps: [kubernetesRepository, kubeadmPackage, kubeadmUpgradeNode],
    }),
    upgradeScript(config, minor, {
      file: 'upgrade-node-drain.sh',
      what: 'drain a worker (on the control plane)',
      inputs: NODE_INPUT,
      nodeName: '"$HUBFLEET_NODE_NAME"',
      steps: [drainNode],
    }),
    upgradeScript(config, minor, {
      file: 'upgrade-node-kubelet.sh',
      what: "a worker's kubelet and kubectl (on the worker, once drained)",
      inputs: [],
      steps: [kubeletPackages, kubeletRestart],
    }),
    upgradeScript(config, minor, {
      file: 'upgrade-node-uncordon.sh',
      what: 'uncordon a worker (on the control plane)',
      inputs: NODE_INPUT,
      nodeName: '"$HUBFLEET_NODE_NAME"',
      steps: [uncordonNode],
    }),
  ];
}
