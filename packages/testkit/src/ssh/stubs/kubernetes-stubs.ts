/**
 * Stubs for kubeadm, kubelet and kubectl. `kubeadm init`, `token create`, `join` and `reset` ask
 * the sim's kubeadm control service (the real curl, on loopback), which runs each cluster's
 * Kubernetes API over TLS and registers Nodes; the stubs write what kubeadm writes under
 * /etc/kubernetes and run kubeadm's preflight checks against the VM's simulated state first.
 */
import { STATE } from './stub-prelude.js';

/** Where the VM's identity for the control service lives inside its /etc. */
export const SIM_ETC = '/etc/hubfleet-sim';

const kubeadm = `
installed() { [ -f ${STATE}/packages/kubeadm ] || { echo "kubeadm: command not found" >&2; exit 127; }; }
installed
control=$(cat ${SIM_ETC}/control-url); vm=$(cat ${SIM_ETC}/vm-name)
call() { /usr/bin/curl -sS --fail-with-body -X POST "$control/$1?vm=$vm&version=$(cat ${STATE}/packages/kubeadm)$2" --data-binary "@$3"; }
preflight() {
  local failed=false
  [ "$(sysctl -n net.ipv4.ip_forward)" = 1 ] || { echo "[ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward contents are not set to 1" >&2; failed=true; }
  systemctl is-active --quiet containerd || { echo "[ERROR CRI]: container runtime is not running" >&2; failed=true; }
  [ -f ${STATE}/packages/kubelet ] || { echo "[ERROR FileExisting-kubelet]: kubelet not found in system path" >&2; failed=true; }
  if [ -n "$1" ] && [ -e "$1" ]; then echo "[ERROR FileAvailable-$1]: $1 already exists" >&2; failed=true; fi
  if $failed; then echo "error execution phase preflight: [preflight] Some fatal errors occurred" >&2; exit 1; fi
  if [ "$(cat ${STATE}/swap)" = on ]; then
    echo "[kubelet-check] The kubelet is not healthy: running with swap on is not supported (failSwapOn)" >&2; exit 1
  fi
}
config_of() { local previous=""; for arg in "$@"; do [ "$previous" = "--config" ] && { echo "$arg"; return; }; previous="$arg"; done
  echo "kubeadm: sim needs --config FILE" >&2; exit 1; }
case "\${1:-}" in
  version) echo "v$(cut -d- -f1 < ${STATE}/packages/kubeadm)" ;;
  init)
    config=$(config_of "$@"); preflight /etc/kubernetes/manifests/kube-apiserver.yaml
    mkdir -p /etc/kubernetes/pki /etc/kubernetes/manifests /var/lib/kubelet
    call init "" "$config" > /etc/kubernetes/admin.conf.new
    mv /etc/kubernetes/admin.conf.new /etc/kubernetes/admin.conf; chmod 600 /etc/kubernetes/admin.conf
    /usr/bin/curl -sS --fail-with-body "$control/ca?vm=$vm" > /etc/kubernetes/pki/ca.crt
    cp /etc/kubernetes/admin.conf /etc/kubernetes/kubelet.conf
    for part in kube-apiserver kube-controller-manager kube-scheduler etcd; do echo "# sim static pod $part" > "/etc/kubernetes/manifests/$part.yaml"; done
    echo "# sim kubelet config" > /var/lib/kubelet/config.yaml
    echo "Your Kubernetes control-plane has initialized successfully!" ;;
  token)
    [ "\${2:-}" = create ] || { echo "kubeadm: sim supports 'token create'" >&2; exit 1; }
    [ -f /etc/kubernetes/admin.conf ] || { echo "failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: no such file or directory" >&2; exit 1; }
    ttl=24h0m0s; previous=""; for arg in "$@"; do [ "$previous" = "--ttl" ] && ttl="$arg"; previous="$arg"; done
    call token "&ttl=$ttl" /dev/null ;;
  join)
    config=$(config_of "$@"); preflight /etc/kubernetes/kubelet.conf
    [ ! -e /etc/kubernetes/pki/ca.crt ] || { echo "[ERROR FileAvailable--etc-kubernetes-pki-ca.crt]: /etc/kubernetes/pki/ca.crt already exists" >&2; exit 1; }
    endpoint=$(sed -n 's/^ *apiServerEndpoint: *//p' "$config" | tr -d '"')
    mkdir -p /etc/kubernetes/pki /var/lib/kubelet
    # Discovery writes the cluster CA first, the TLS bootstrap then writes kubelet.conf: a join that
    # fails in between leaves ca.crt behind, and only kubeadm reset lets the next join through.
    /usr/bin/curl -sS --fail-with-body "$control/ca?endpoint=$endpoint" > /etc/kubernetes/pki/ca.crt
    echo "# sim kubelet config" > /var/lib/kubelet/config.yaml
    call join "&hostname=$(hostname)" "$config" > /etc/kubernetes/kubelet.conf.new
    mv /etc/kubernetes/kubelet.conf.new /etc/kubernetes/kubelet.conf
    echo "This node has joined the cluster" ;;
  reset)
    call reset "" /dev/null
    rm -rf /etc/kubernetes/manifests /etc/kubernetes/pki /etc/kubernetes/admin.conf /etc/kubernetes/kubelet.conf /var/lib/kubelet/config.yaml
    echo "[reset] The reset process does not clean your kubeconfig files" ;;
  *) echo "kubeadm: sim does not know '$*'" >&2; exit 1 ;;
esac
`;

const kubelet = `
[ -f ${STATE}/packages/kubelet ] || { echo "kubelet: command not found" >&2; exit 127; }
case "$*" in --version) echo "Kubernetes v$(cut -d- -f1 < ${STATE}/packages/kubelet)" ;; *) echo "kubelet runs as a systemd unit" >&2; exit 1 ;; esac
`;

// kubectl apply -f FILE records the manifest; get KIND NAME answers from what was applied.
const kubectl = `
[ -f ${STATE}/packages/kubectl ] || { echo "kubectl: command not found" >&2; exit 127; }
kubeconfig=""; file=""; args=(); previous=""
for arg in "$@"; do
  case "$previous" in --kubeconfig) kubeconfig="$arg" ;; -f) file="$arg" ;; esac
  case "$arg" in --kubeconfig|-f|-n|--namespace) ;; *) case "$previous" in --kubeconfig|-f|-n|--namespace) ;; *) args+=("$arg") ;; esac ;; esac
  previous="$arg"
done
[ -n "$kubeconfig" ] && [ -f "$kubeconfig" ] || { echo "The connection to the server localhost:8080 was refused" >&2; exit 1; }
mkdir -p ${STATE}/kubectl-applied
case "\${args[0]:-}" in
  apply) [ -f "$file" ] || { echo "error: the path \\"$file\\" does not exist" >&2; exit 1; }
    cp "$file" "${STATE}/kubectl-applied/$(basename "$file")"; echo "applied $(basename "$file")" ;;
  get) kind="\${args[1]:-}"; name="\${args[2]:-}"
    if cat ${STATE}/kubectl-applied/* 2>/dev/null | grep -A3 -i "^kind: $kind" | grep -q "name: $name$"; then echo "$name"; else
      echo "Error from server (NotFound): $kind \\"$name\\" not found" >&2; exit 1; fi ;;
  *) echo "kubectl: sim does not know '\${args[*]}'" >&2; exit 1 ;;
esac
`;

export const kubernetesStubs: Readonly<Record<string, string>> = { kubeadm, kubelet, kubectl };
