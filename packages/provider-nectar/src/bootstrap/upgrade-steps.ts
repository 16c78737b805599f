import type { BootstrapStep } from './bootstrap-step.js';

/**
 * Kubernetes version upgrades in kubeadm's documented order ("Upgrading kubeadm clusters"): on the
 * control plane, kubeadm from the next minor's repository, `kubeadm upgrade plan` and `apply`, drain,
 * kubelet and kubectl, restart, uncordon; then on each worker, kubeadm, `kubeadm upgrade node`,
 * drain (from the control plane), kubelet and kubectl, restart, uncordon. One minor at a time.
 */

const ADMIN = '--kubeconfig /etc/kubernetes/admin.conf';

export const upgradePath: BootstrapStep = {
  name: 'upgrade-path',
  why: 'kubeadm upgrades one minor version at a time: the cluster runs the previous minor or this one already',
  check: 'case "$(cluster_minor)" in "$PREVIOUS_MINOR"|"$KUBERNETES_MINOR") return 0 ;; *) return 1 ;; esac',
  apply: `echo "the cluster runs Kubernetes $(cluster_minor) and kubeadm upgrades one minor version at a time: upgrade it to $PREVIOUS_MINOR before $KUBERNETES_MINOR" >&2
exit 1`,
};

export const kubernetesRepository: BootstrapStep = {
  name: 'kubernetes-repository',
  why: "pkgs.k8s.io's repository of the minor version to upgrade to (one repository per minor)",
  check: 'kubernetes_repository_in_use',
  apply: 'use_kubernetes_repository',
};

export const kubeadmPackage: BootstrapStep = {
  name: 'kubeadm-package',
  why: 'kubeadm first, at the new minor version, held again',
  check: 'at_minor_and_held kubeadm',
  apply: `apt-mark unhold kubeadm
apt-get update -q
apt-get install -y -q "kubeadm=$KUBERNETES_MINOR.*"
apt-mark hold kubeadm`,
};

export const controlPlaneUpgrade: BootstrapStep = {
  name: 'control-plane-upgrade',
  why: "kubeadm upgrade plan, then apply: the control plane's components to kubeadm's version",
  check: '[ "$(cluster_version)" = "$(kubeadm version -o short)" ]',
  apply: `kubeadm upgrade plan
kubeadm upgrade apply -y "$(kubeadm version -o short)"`,
};

export const kubeadmUpgradeNode: BootstrapStep = {
  name: 'kubeadm-upgrade-node',
  why: "kubeadm upgrade node: the node's kubelet configuration for the upgraded control plane",
  check: '[ "$(cat /etc/kubernetes/hubfleet-upgraded-node 2>/dev/null)" = "$(kubeadm version -o short)" ]',
  apply: `kubeadm upgrade node
kubeadm version -o short > /etc/kubernetes/hubfleet-upgraded-node`,
};

export const drainNode: BootstrapStep = {
  name: 'drain',
  why: "the node drained before its kubelet changes minor version (not needed once its kubelet runs the new version); a user's notebook server is a bare Pod, which drain refuses to delete: upgrade when none runs there",
  check: `[ "$(kubectl ${ADMIN} get node "$NODE_NAME" -o 'jsonpath={.status.nodeInfo.kubeletVersion}')" = "$(kubeadm version -o short)" ] ||
  [ "$(kubectl ${ADMIN} get node "$NODE_NAME" -o 'jsonpath={.spec.unschedulable}')" = true ]`,
  apply: `kubectl ${ADMIN} drain "$NODE_NAME" --ignore-daemonsets --delete-emptydir-data`,
};

export const kubeletPackages: BootstrapStep = {
  name: 'kubelet-kubectl-packages',
  why: 'kubelet and kubectl at the new minor version, held again',
  check: 'at_minor_and_held kubelet && at_minor_and_held kubectl',
  apply: `apt-mark unhold kubelet kubectl
apt-get update -q
apt-get install -y -q "kubelet=$KUBERNETES_MINOR.*" "kubectl=$KUBERNETES_MINOR.*"
apt-mark hold kubelet kubectl`,
};

export const kubeletRestart: BootstrapStep = {
  name: 'kubelet-restart',
  why: 'the kubelet restarted so the installed version runs',
  check: '[ "$(cat /var/lib/kubelet/hubfleet-running-version 2>/dev/null)" = "$(kubelet --version)" ]',
  apply: `systemctl daemon-reload
systemctl restart kubelet
kubelet --version > /var/lib/kubelet/hubfleet-running-version`,
};

export const uncordonNode: BootstrapStep = {
  name: 'uncordon',
  why: 'the upgraded node schedulable again',
  check: `[ "$(kubectl ${ADMIN} get node "$NODE_NAME" -o 'jsonpath={.spec.unschedulable}')" != true ]`,
  apply: `kubectl ${ADMIN} uncordon "$NODE_NAME"`,
};

export const upgradeHelpers = [
  `# The control plane's version: its API server's static Pod image, as kubeadm writes it.
cluster_version() {
  sed -n 's|^ *image: .*/kube-apiserver:\\(v[0-9][0-9.]*\\)$|\\1|p' /etc/kubernetes/manifests/kube-apiserver.yaml 2>/dev/null
}`,
  `cluster_minor() {
  local version
  version=$(cluster_version)
  version=\${version#v}
  echo "\${version%.*}"
}`,
];
