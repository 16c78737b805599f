/**
 * Stubs for kubeadm, kubelet and kubectl. `kubeadm init`, `token create`, `join` and `reset` ask
 * the sim's kubeadm control service (the real curl, on loopback), which runs each cluster's
 * Kubernetes API over TLS and registers Nodes; the stubs write what kubeadm writes under
 * /etc/kubernetes and run kubeadm's preflight checks against the VM's simulated state first.
 */
import { SIM_ETC, STATE } from './stub-prelude.js';

export { SIM_ETC };

const kubeadm = `
installed() { [ -f ${STATE}/packages/kubeadm ] || { echo "kubeadm: command not found" >&2; exit 127; }; }
installed
control=$(cat ${SIM_ETC}/control-url); vm=$(cat ${SIM_ETC}/vm-name)
# The control service's answer on stdout, or its error on stderr (exit 1), as kubeadm prints its own.
call() {
  local out
  if out=$(/usr/bin/curl -sS --fail-with-body -X POST "$control/$1?vm=$vm&version=$(cat ${STATE}/packages/kubeadm)$2" --data-binary "@$3" 2>&1); then
    printf '%s\n' "$out"
  else
    printf '%s\n' "$out" | grep -v '^curl: (22)' >&2; exit 1
  fi
}
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
# kubeadm's static Pods, as far as an upgrade reads them: each component's image at the cluster's version.
static_pods() {
  for part in kube-apiserver kube-controller-manager kube-scheduler; do
    printf '# sim static pod\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: %s\n    image: registry.k8s.io/%s:%s\n' "$part" "$part" "$1" > "/etc/kubernetes/manifests/$part.yaml"
  done
}
option_value() { local wanted="$1" previous=""; shift; for arg in "$@"; do [ "$previous" = "$wanted" ] && { echo "$arg"; return; }; previous="$arg"; done; }
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
    static_pods "v$(cut -d- -f1 < ${STATE}/packages/kubeadm)"
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
  upgrade)
    case "\${2:-}" in
      plan)
        [ -f /etc/kubernetes/admin.conf ] || { echo "couldn't create a Kubernetes client from file "/etc/kubernetes/admin.conf"" >&2; exit 1; }
        current=$(/usr/bin/curl -sS --fail-with-body "$control/cluster?vm=$vm")
        echo "[upgrade/versions] Cluster version: v$current"
        echo "[upgrade/versions] kubeadm version: v$(cut -d- -f1 < ${STATE}/packages/kubeadm)"
        echo "You can now apply the upgrade by executing the following command:"
        echo "	kubeadm upgrade apply v$(cut -d- -f1 < ${STATE}/packages/kubeadm)" ;;
      apply)
        [ -f /etc/kubernetes/admin.conf ] || { echo "couldn't create a Kubernetes client from file "/etc/kubernetes/admin.conf"" >&2; exit 1; }
        target=""; for arg in "\${@:3}"; do case "$arg" in v[0-9]*) target="$arg" ;; esac; done
        [ -n "$target" ] || { echo "kubeadm upgrade apply: missing the version to upgrade to" >&2; exit 1; }
        [ "$(cat ${STATE}/swap)" = off ] || { echo "[ERROR Swap]: swap is supported for cgroup v2 only" >&2; exit 1; }
        call upgrade "&target=$target" /dev/null
        static_pods "$target"
        echo "[upgrade] SUCCESS! A control plane node of your cluster was upgraded to "$target"." ;;
      node)
        [ -f /etc/kubernetes/kubelet.conf ] || { echo "couldn't create a Kubernetes client from file "/etc/kubernetes/kubelet.conf"" >&2; exit 1; }
        call upgrade-node "" /dev/null
        echo "# sim kubelet config for v$(cut -d- -f1 < ${STATE}/packages/kubeadm)" > /var/lib/kubelet/config.yaml
        echo "[upgrade] The configuration for this node was successfully upgraded!" ;;
      *) echo "kubeadm: sim supports 'upgrade plan|apply|node'" >&2; exit 1 ;;
    esac ;;
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

// kubectl apply -f FILE records the manifest; get KIND NAME answers from what was applied. Node
// operations (get node -o jsonpath, cordon, uncordon, drain) go to the cluster's simulated API over
// TLS with the kubeconfig's own client certificate, as kubectl does.
const kubectl = `
[ -f ${STATE}/packages/kubectl ] || { echo "kubectl: command not found" >&2; exit 127; }
kubeconfig=""; file=""; output=""; args=(); previous=""
for arg in "$@"; do
  case "$previous" in --kubeconfig) kubeconfig="$arg" ;; -f) file="$arg" ;; -o) output="$arg" ;; esac
  case "$arg" in --kubeconfig|-f|-n|--namespace|-o) ;; -*) ;; *) case "$previous" in --kubeconfig|-f|-n|--namespace|-o) ;; *) args+=("$arg") ;; esac ;; esac
  previous="$arg"
done
[ -n "$kubeconfig" ] && [ -f "$kubeconfig" ] || { echo "The connection to the server localhost:8080 was refused" >&2; exit 1; }
api() {
  local dir rc=0 server
  dir=$(mktemp -d)
  sed -n 's/^ *certificate-authority-data: //p' "$kubeconfig" | base64 -d > "$dir/ca"
  sed -n 's/^ *client-certificate-data: //p' "$kubeconfig" | base64 -d > "$dir/cert"
  sed -n 's/^ *client-key-data: //p' "$kubeconfig" | base64 -d > "$dir/key"
  server=$(sed -n 's/^ *server: //p' "$kubeconfig" | head -n 1)
  if [ $# -ge 3 ]; then
    /usr/bin/curl -sS --fail-with-body --cacert "$dir/ca" --cert "$dir/cert" --key "$dir/key" -X "$1" \\
      -H 'content-type: application/merge-patch+json' --data-binary "$3" "$server$2" || rc=$?
  else
    /usr/bin/curl -sS --fail-with-body --cacert "$dir/ca" --cert "$dir/cert" --key "$dir/key" -X "$1" "$server$2" || rc=$?
  fi
  rm -rf "$dir"; return "$rc"
}
# The scalar at the end of a jsonpath such as {.status.nodeInfo.kubeletVersion}, as kubectl prints it.
json_field() {
  local key="\${1%\\}}"; key="\${key##*.}"
  grep -o "\\"$key\\": *\\(\\"[^\\"]*\\"\\|true\\|false\\|[0-9][0-9]*\\)" | head -n 1 | sed 's/^[^:]*: *//; s/"//g' || true
}
node_api() { api "$1" "/api/v1/nodes/$2" "\${@:3}" >/dev/null || { echo "Error from server (NotFound): nodes \\"$2\\" not found" >&2; exit 1; }; }
mkdir -p ${STATE}/kubectl-applied
case "\${args[0]:-}" in
  apply) [ -f "$file" ] || { echo "error: the path \\"$file\\" does not exist" >&2; exit 1; }
    cp "$file" "${STATE}/kubectl-applied/$(basename "$file")"; echo "applied $(basename "$file")" ;;
  cordon) node_api PATCH "\${args[1]:-}" '{"spec":{"unschedulable":true}}'; echo "node/\${args[1]} cordoned" ;;
  uncordon) node_api PATCH "\${args[1]:-}" '{"spec":{"unschedulable":null}}'; echo "node/\${args[1]} uncordoned" ;;
  drain) node_api PATCH "\${args[1]:-}" '{"spec":{"unschedulable":true}}'; echo "node/\${args[1]} cordoned"; echo "node/\${args[1]} drained" ;;
  get) kind="\${args[1]:-}"; name="\${args[2]:-}"
    case "$kind" in
      node|nodes|no)
        body=$(api GET "/api/v1/nodes/$name") || { echo "Error from server (NotFound): nodes \\"$name\\" not found" >&2; exit 1; }
        case "$output" in jsonpath=*) printf '%s' "$(printf '%s' "$body" | json_field "\${output#jsonpath=}")" ;; *) echo "$name" ;; esac ;;
      *)
        if cat ${STATE}/kubectl-applied/* 2>/dev/null | grep -A3 -i "^kind: $kind" | grep -q "name: $name$"; then echo "$name"; else
          echo "Error from server (NotFound): $kind \\"$name\\" not found" >&2; exit 1; fi ;;
    esac ;;
  *) echo "kubectl: sim does not know '\${args[*]}'" >&2; exit 1 ;;
esac
`;

export const kubernetesStubs: Readonly<Record<string, string>> = { kubeadm, kubelet, kubectl };
