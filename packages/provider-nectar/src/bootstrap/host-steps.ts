import type { HubfleetConfig } from '@hubfleet/core';
import type { NectarProviderSettings } from '../nectar-config.js';
import type { BootstrapStep } from './bootstrap-step.js';

/** kubeadm wants `1.34`; the config may say `1.34` or `1.34.2`. */
export function kubernetesMinor(config: HubfleetConfig<NectarProviderSettings>): string {
  return config.cluster.kubernetesVersion.split('.').slice(0, 2).join('.');
}

/**
 * Host preparation, fixing at build time what seed 004's troubleshooting fixes by hand: swap that
 * turns itself back on, clocks drifting, root disks filled by images and logs.
 */

export const swapOff: BootstrapStep = {
  name: 'swap-off',
  why: 'the kubelet refuses to run with swap on; commented out of /etc/fstab so a reboot keeps it off (004: "swap turned on again")',
  check: `! swapon --show --noheadings | grep . >/dev/null && ! grep -Eq '^[^#]\\S*\\s+\\S+\\s+swap\\s' /etc/fstab`,
  apply: `swapoff -a
sed -ri 's/^([^#]\\S*\\s+\\S+\\s+swap\\s.*)$/# hubfleet: swap stays off for the kubelet: \\1/' /etc/fstab`,
};

export const kernelModules: BootstrapStep = {
  name: 'kernel-modules',
  why: 'containerd needs overlay and pod traffic needs br_netfilter, now and after a reboot',
  check: `[ "$(cat /etc/modules-load.d/hubfleet-kubernetes.conf 2>/dev/null)" = "$(printf 'overlay\\nbr_netfilter')" ] &&
  lsmod | grep '^overlay ' >/dev/null && lsmod | grep '^br_netfilter ' >/dev/null`,
  apply: `printf 'overlay\\nbr_netfilter\\n' > /etc/modules-load.d/hubfleet-kubernetes.conf
modprobe overlay
modprobe br_netfilter`,
};

export const kernelSettings: BootstrapStep = {
  name: 'kernel-settings',
  why: 'bridged pod traffic through iptables and IPv4 forwarding, as kubeadm preflight requires',
  check: `[ "$(cat /etc/sysctl.d/99-hubfleet-kubernetes.conf 2>/dev/null)" = "$SYSCTLS" ] &&
  [ "$(sysctl -n net.ipv4.ip_forward)" = 1 ] &&
  [ "$(sysctl -n net.bridge.bridge-nf-call-iptables)" = 1 ]`,
  apply: `printf '%s\\n' "$SYSCTLS" > /etc/sysctl.d/99-hubfleet-kubernetes.conf
sysctl --system >/dev/null`,
};

export const timeSync: BootstrapStep = {
  name: 'time-sync',
  why: 'certificates and tokens need agreeing clocks (004: "clocks getting out of sync")',
  check: `[ "$(timedatectl show -p NTP --value)" = yes ] && systemctl is-active --quiet systemd-timesyncd &&
  systemctl is-enabled --quiet systemd-timesyncd`,
  apply: `systemctl enable --now systemd-timesyncd
timedatectl set-ntp true`,
};

export const logCaps: BootstrapStep = {
  name: 'log-caps',
  why: 'journald capped so logs cannot fill the root disk (004: "disk fills up", "logging can go out of control")',
  check: `[ "$(cat /etc/systemd/journald.conf.d/hubfleet.conf 2>/dev/null)" = "$JOURNALD_CAPS" ]`,
  apply: `mkdir -p /etc/systemd/journald.conf.d
printf '%s\\n' "$JOURNALD_CAPS" > /etc/systemd/journald.conf.d/hubfleet.conf
systemctl restart systemd-journald`,
};

export const ephemeralData: BootstrapStep = {
  name: 'ephemeral-data',
  why: 'container images and kubelet data on the flavor\'s ephemeral disk /mnt, not the small root disk (004: "disk fills up")',
  check: `if ! has_ephemeral_disk; then return 0; fi
[ -d /mnt/containerd ] && [ -d /mnt/kubelet ] &&
  grep -qx 'KUBELET_EXTRA_ARGS=--root-dir=/mnt/kubelet' /etc/default/kubelet 2>/dev/null`,
  apply: `mkdir -p /mnt/containerd /mnt/kubelet /etc/default
echo 'KUBELET_EXTRA_ARGS=--root-dir=/mnt/kubelet' > /etc/default/kubelet`,
};

export const containerd: BootstrapStep = {
  name: 'containerd',
  why: 'the container runtime, with the systemd cgroup driver the kubelet is configured for',
  check: `dpkg-query -W -f="\\\${Version}" containerd >/dev/null 2>&1 &&
  grep -q 'SystemdCgroup = true' /etc/containerd/config.toml 2>/dev/null &&
  grep -qx "root = \\"$(containerd_root)\\"" /etc/containerd/config.toml &&
  systemctl is-enabled --quiet containerd && systemctl is-active --quiet containerd`,
  apply: `apt-get update -q
apt-get install -y -q containerd
mkdir -p /etc/containerd
containerd config default |
  sed -e 's/SystemdCgroup = false/SystemdCgroup = true/' -e "s|^root = .*|root = \\"$(containerd_root)\\"|" \\
  > /etc/containerd/config.toml
systemctl enable containerd
systemctl restart containerd`,
};

export const kubernetesPackages: BootstrapStep = {
  name: 'kubernetes-packages',
  why: 'kubelet, kubeadm and kubectl from pkgs.k8s.io, pinned to the configured minor version and held against unattended upgrades',
  check: `kubernetes_repository_in_use || return 1
for package in kubelet kubeadm kubectl; do at_minor_and_held "$package" || return 1; done
systemctl is-enabled --quiet kubelet`,
  apply: `installed=$(dpkg-query -W -f="\\\${Version}" kubeadm 2>/dev/null || true)
case "$installed" in
  ""|"$KUBERNETES_MINOR".*) ;;
  *) echo "kubeadm $installed is installed but hubfleet.yaml asks for $KUBERNETES_MINOR: upgrades follow kubeadm's order (the upgrade-*.sh scripts, control plane first)" >&2
     exit 1 ;;
esac
use_kubernetes_repository
apt-get update -q
apt-get install -y -q kubelet kubeadm kubectl
apt-mark hold kubelet kubeadm kubectl
systemctl enable --now kubelet`,
};

/** Shell helpers the host steps use. */
export const hostHelpers = [
  `# The flavor's ephemeral disk: cloud-init mounts it at /mnt and lists it in /etc/fstab.
has_ephemeral_disk() {
  awk '$1 !~ /^#/ && $2 == "/mnt" { found = 1 } END { exit !found }' /etc/fstab && mountpoint -q /mnt
}`,
  `containerd_root() {
  if has_ephemeral_disk; then echo /mnt/containerd; else echo /var/lib/containerd; fi
}`,
  `# pkgs.k8s.io has one repository per minor version, each signed by its own key.
kubernetes_repository_in_use() {
  grep -qF "deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] $KUBERNETES_REPO /" /etc/apt/sources.list.d/kubernetes.list 2>/dev/null
}`,
  `use_kubernetes_repository() {
  install -d -m 755 /etc/apt/keyrings
  rm -f /etc/apt/keyrings/kubernetes-apt-keyring.gpg
  curl -fsSL "$KUBERNETES_REPO/Release.key" | gpg --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg
  echo "deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] $KUBERNETES_REPO /" > /etc/apt/sources.list.d/kubernetes.list
}`,
  `# A package installed at the configured minor version and held there.
at_minor_and_held() {
  case "$(dpkg-query -W -f="\\\${Version}" "$1" 2>/dev/null)" in "$KUBERNETES_MINOR".*) ;; *) return 1 ;; esac
  apt-mark showhold | grep -x "$1" >/dev/null
}`,
];

/** Variables the host steps use. */
export function hostVariables(kubernetesMinor: string): Record<string, string> {
  return {
    KUBERNETES_MINOR: `"${kubernetesMinor}"`,
    KUBERNETES_REPO: `"https://pkgs.k8s.io/core:/stable:/v${kubernetesMinor}/deb"`,
    SYSCTLS: `"$(printf '%s\\n' 'net.bridge.bridge-nf-call-iptables = 1' 'net.bridge.bridge-nf-call-ip6tables = 1' 'net.ipv4.ip_forward = 1')"`,
    JOURNALD_CAPS: `"$(printf '%s\\n' '[Journal]' 'SystemMaxUse=500M' 'SystemMaxFileSize=50M')"`,
  };
}

/** Every Kubernetes node's preparation, in order. */
export const kubernetesHostSteps: readonly BootstrapStep[] = [
  swapOff,
  kernelModules,
  kernelSettings,
  timeSync,
  logCaps,
  ephemeralData,
  containerd,
  kubernetesPackages,
];
