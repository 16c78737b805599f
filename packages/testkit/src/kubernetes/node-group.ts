/** A taint as it appears on a Node's spec. */
export interface KubernetesTaint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/**
 * A group of identical nodes, as a cloud's nodegroup (EKS), node pool (GKE) or Magnum node group
 * describes it. The fake keeps exactly `desired` Node objects per group.
 */
export interface KubernetesNodeGroup {
  /** The group's name; node names derive from it (`<name>-node-<index>`). */
  name: string;
  desired: number;
  /** Becomes the `node.kubernetes.io/instance-type` label. */
  instanceType: string;
  /** Extra node labels (e.g. `eks.amazonaws.com/nodegroup`, `hub.jupyter.org/node-purpose`). */
  labels?: Record<string, string>;
  taints?: KubernetesTaint[];
  /** Capacity per node; allocatable is the same. Quantities as Kubernetes writes them (`4`, `16Gi`). */
  capacity: {
    cpu: string | number;
    memory: string;
    'nvidia.com/gpu'?: string | number;
    pods?: string | number;
  };
  /**
   * The nodes' names by index, where the nodes name themselves (kubeadm registers a Node under the
   * VM's hostname); `<name>-node-<index>` for an index without one.
   */
  nodeNames?: readonly string[];
  /** The nodes' `status.nodeInfo.kubeletVersion` (a kubeadm node's own); default: the cluster's version. */
  kubeletVersion?: string;
  /** Becomes `topology.kubernetes.io/zone` when set. */
  zone?: string;
}
