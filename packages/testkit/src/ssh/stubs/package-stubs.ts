/**
 * Stubs for the package manager and the downloads a bootstrap makes: apt-get, apt-mark,
 * dpkg-query, curl (pkgs.k8s.io's key and the pinned CNI manifest only), gpg and containerd's
 * `config default`. Installed and held packages are files under the VM's state directory.
 */
import { STATE } from './stub-prelude.js';

/** The patch release pkgs.k8s.io's v1.<minor> repository serves in the sim. */
export const SIM_KUBERNETES_PATCH = '2';

// Which systemd units a package brings, so `systemctl enable` fails before it is installed.
const aptGet = `
units_of() {
  case "$1" in
    containerd) echo containerd ;; kubelet) echo kubelet ;; nfs-kernel-server) echo nfs-kernel-server ;;
    chrony) echo chrony ;; *) ;;
  esac
}
kubernetes_minor() {
  sed -n 's|.*pkgs.k8s.io/core:/stable:/v\\([0-9.]*\\)/deb.*|\\1|p' /etc/apt/sources.list.d/*.list 2>/dev/null | head -n 1
}
version_of() {
  case "$1" in
    kubelet|kubeadm|kubectl|cri-tools|kubernetes-cni)
      local minor; minor=$(kubernetes_minor)
      if [ -z "$minor" ] || [ ! -s /etc/apt/keyrings/kubernetes-apt-keyring.gpg ]; then
        echo "E: Unable to locate package $1" >&2; return 100
      fi
      echo "$minor.${SIM_KUBERNETES_PATCH}-1.1" ;;
    *) echo "1.0-sim" ;;
  esac
}
command=""; allow_held=false; packages=()
for arg in "$@"; do
  case "$arg" in
    -y|-q|-qq|--yes|--no-install-recommends|-o|Dpkg::*) ;;
    --allow-change-held-packages) allow_held=true ;;
    update|install|upgrade|remove|purge) command="$arg" ;;
    -*) ;;
    *) packages+=("$arg") ;;
  esac
done
mkdir -p ${STATE}/packages ${STATE}/units
case "$command" in
  update) echo x >> ${STATE}/apt-updates; echo "Reading package lists... Done" ;;
  install)
    for spec in "\${packages[@]}"; do
      name="\${spec%%=*}"; available=$(version_of "$name") || exit 100
      wanted="$available"; [ "$spec" = "$name" ] || wanted="\${spec#*=}"
      case "$available" in $wanted) ;; *) echo "E: Version '$wanted' for '$name' was not found" >&2; exit 100 ;; esac
      current=$(cat "${STATE}/packages/$name" 2>/dev/null || true)
      if [ -f "${STATE}/held/$name" ] && [ "$current" != "$available" ] && ! $allow_held; then
        echo "E: Held packages were changed and -y was used without --allow-change-held-packages." >&2; exit 100
      fi
      echo "$available" > "${STATE}/packages/$name"
      for u in $(units_of "$name"); do touch "${STATE}/units/$u.known"; done
      echo "Setting up $name ($available) ..."
    done ;;
  *) echo "apt-get: sim does not know '$command'" >&2; exit 100 ;;
esac
`;

const aptMark = `
mkdir -p ${STATE}/held
case "\${1:-}" in
  hold) shift; for name in "$@"; do
      [ -f "${STATE}/packages/$name" ] || { echo "E: Unable to locate package $name" >&2; exit 100; }
      if [ -f "${STATE}/held/$name" ]; then echo "$name was already set on hold."; else touch "${STATE}/held/$name"; echo "$name set on hold."; fi
    done ;;
  unhold) shift; for name in "$@"; do rm -f "${STATE}/held/$name"; echo "Canceled hold on $name."; done ;;
  showhold) ls ${STATE}/held ;;
  *) echo "apt-mark: sim does not know '$*'" >&2; exit 1 ;;
esac
`;

// dpkg-query -W -f='\${Version}' NAME: the only form the bootstrap asks.
const dpkgQuery = `
name="\${*: -1}"
if [ -f "${STATE}/packages/$name" ]; then printf '%s' "$(cat "${STATE}/packages/$name")"
else echo "dpkg-query: no packages found matching $name" >&2; exit 1; fi
`;

// Only the two downloads a bootstrap makes resolve; anything else fails as an unreachable host would.
const curl = `
url=""; output=""; previous=""
for arg in "$@"; do
  if [ "$previous" = "-o" ]; then output="$arg"; else case "$arg" in http://*|https://*) url="$arg" ;; esac; fi
  previous="$arg"
done
case "$url" in
  https://pkgs.k8s.io/core:/stable:/v*/deb/Release.key) body="-----BEGIN PGP PUBLIC KEY BLOCK-----
sim key for $url
-----END PGP PUBLIC KEY BLOCK-----" ;;
  https://raw.githubusercontent.com/projectcalico/calico/v*/manifests/calico.yaml) body="# sim calico manifest from $url
kind: ConfigMap
apiVersion: v1
metadata:
  name: calico-config
  namespace: kube-system
data:
  veth_mtu: \\"0\\"
---
kind: DaemonSet
apiVersion: apps/v1
metadata:
  name: calico-node
  namespace: kube-system" ;;
  *) echo "curl: (6) Could not resolve host: $(echo "$url" | sed 's|^[a-z]*://||; s|/.*||')" >&2; exit 6 ;;
esac
echo x >> ${STATE}/downloads
if [ -n "$output" ]; then printf '%s\\n' "$body" > "$output"; else printf '%s\\n' "$body"; fi
`;

const gpg = `
output=""; previous=""; for arg in "$@"; do [ "$previous" = "-o" ] && output="$arg"; previous="$arg"; done
[ -n "$output" ] || { echo "gpg: sim supports --dearmor -o FILE" >&2; exit 2; }
[ ! -e "$output" ] || { echo "gpg: $output exists" >&2; exit 2; }
{ echo "sim dearmored key"; cat; } > "$output"
`;

const containerd = `
[ -f ${STATE}/packages/containerd ] || { echo "containerd: command not found" >&2; exit 127; }
case "$*" in
  "config default") cat <<'TOML'
version = 2
root = "/var/lib/containerd"
state = "/run/containerd"
[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
  SystemdCgroup = false
TOML
  ;;
  --version) echo "containerd github.com/containerd/containerd 1.7.24" ;;
  *) echo "containerd: sim does not know '$*'" >&2; exit 1 ;;
esac
`;

export const packageStubs: Readonly<Record<string, string>> = {
  'apt-get': aptGet,
  'apt-mark': aptMark,
  'dpkg-query': dpkgQuery,
  curl,
  gpg,
  containerd,
};
