import type { BootstrapStep } from './bootstrap-step.js';

/** Calico's manifest, pinned: its version is part of what hubfleet tested against. */
export const CALICO_VERSION = 'v3.29.1';
export const CALICO_MANIFEST = `https://raw.githubusercontent.com/projectcalico/calico/${CALICO_VERSION}/manifests/calico.yaml`;
/** Calico's manifest encapsulates pod traffic in IP-in-IP, 20 bytes per packet. */
export const CALICO_OVERHEAD = 20;
/** Calico's manifest default pool, which kubeadm is told as the pod subnet. */
export const POD_SUBNET = '192.168.0.0/16';

export const kubeadmInit: BootstrapStep = {
  name: 'kubeadm-init',
  why: "the control plane, its API server certificate valid for the address the operator reaches (floating or public) as well as the nodes' one",
  check: '[ -f /etc/kubernetes/admin.conf ] && [ -f /etc/kubernetes/manifests/kube-apiserver.yaml ]',
  apply: `if [ -e /etc/kubernetes/manifests/kube-apiserver.yaml ] || [ -e /etc/kubernetes/pki/ca.crt ]; then
  kubeadm reset -f
fi
mkdir -p /etc/kubernetes
cat > /etc/kubernetes/hubfleet-kubeadm.yaml <<KUBEADM
apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
localAPIEndpoint:
  advertiseAddress: "$HUBFLEET_PRIVATE_ADDRESS"
nodeRegistration:
  name: "$(hostname)"
---
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
kubernetesVersion: "$(kubeadm version -o short)"
apiServer:
  certSANs:
    - "$HUBFLEET_PUBLIC_ADDRESS"
    - "$HUBFLEET_PRIVATE_ADDRESS"
networking:
  podSubnet: "$POD_SUBNET"
---
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
cgroupDriver: systemd
containerLogMaxSize: 50Mi
containerLogMaxFiles: 3
KUBEADM
kubeadm init --config /etc/kubernetes/hubfleet-kubeadm.yaml`,
};

export const podNetwork: BootstrapStep = {
  name: 'pod-network',
  why: `Calico ${CALICO_VERSION} (pinned), its MTU the VM network's minus ${CALICO_OVERHEAD} bytes of IP-in-IP so pod packets fit the cloud's overlay`,
  check:
    'kubectl --kubeconfig /etc/kubernetes/admin.conf -n kube-system get daemonset calico-node >/dev/null 2>&1',
  apply: `curl -fsSL "$CALICO_MANIFEST" -o /etc/kubernetes/hubfleet-calico.yaml
mtu=$(( $(network_mtu) - ${CALICO_OVERHEAD} ))
sed -i "s/veth_mtu: \\"0\\"/veth_mtu: \\"$mtu\\"/" /etc/kubernetes/hubfleet-calico.yaml
kubectl --kubeconfig /etc/kubernetes/admin.conf apply -f /etc/kubernetes/hubfleet-calico.yaml`,
};

/** Join a nodegroup's VM; a join that failed half-way is reset first, as kubeadm requires. */
export function kubeadmJoin(labels: Record<string, string>, taints: readonly string[]): BootstrapStep {
  const nodeLabels = Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  const taintLines = taints.map((taint) => `    - ${taint}`).join('\n');
  return {
    name: 'kubeadm-join',
    why: "the VM joins the cluster with a short-lived token and the CA's pinned hash, labelled and tainted for its nodegroup",
    check: '[ -f /etc/kubernetes/kubelet.conf ]',
    apply: `if [ -e /etc/kubernetes/pki/ca.crt ] || [ -e /var/lib/kubelet/config.yaml ]; then
  echo "a previous join stopped half-way: kubeadm reset before joining again"
  kubeadm reset -f
fi
mkdir -p /etc/kubernetes
umask 077
cat > /etc/kubernetes/hubfleet-join.yaml <<KUBEADM
apiVersion: kubeadm.k8s.io/v1beta4
kind: JoinConfiguration
discovery:
  bootstrapToken:
    apiServerEndpoint: "$HUBFLEET_API_ENDPOINT"
    token: "$HUBFLEET_JOIN_TOKEN"
    caCertHashes:
      - "$HUBFLEET_CA_CERT_HASH"
nodeRegistration:
  name: "$(hostname)"
  kubeletExtraArgs:
    - name: node-labels
      value: "${nodeLabels}"
  taints:${taintLines ? `\n${taintLines}` : ' []'}
KUBEADM
kubeadm join --config /etc/kubernetes/hubfleet-join.yaml
rm -f /etc/kubernetes/hubfleet-join.yaml`,
  };
}

export const kubernetesHelpers = [
  `# The MTU of the interface the default route leaves by (the cloud network's).
network_mtu() {
  local device
  device=$(ip route show default 2>/dev/null | awk '{ for (i = 1; i < NF; i++) if ($i == "dev") { print $(i + 1); exit } }')
  cat "/sys/class/net/\${device:-eth0}/mtu" 2>/dev/null || echo 1500
}`,
];
