/**
 * What a provider can do, declared instead of `if (kind === ...)` in core. Core, the engine and the
 * conformance suite read these flags; a feature a provider lacks becomes a warning, not a crash.
 */
export interface ProviderCapabilitiesV1 {
  /** Nodegroups may have `min: 0` and scale up from zero. */
  scaleToZero: boolean;
  /** Labels and taints set on a nodegroup through the cloud API reach the Kubernetes nodes. */
  nodeLabelsReachNodes: boolean;
  /** The cloud scales nodegroups itself (GKE); hubfleet then installs no cluster-autoscaler. */
  managedAutoscaler: boolean;
  /**
   * How GPUs are exposed: the NVIDIA device plugin (drivers in the image), the GPU operator,
   * `managed` when the cloud installs driver and device plugin itself (GKE), so hubfleet installs
   * no GPU tool, or not at all.
   */
  gpuDriver: 'device-plugin' | 'operator' | 'managed' | 'none';
  /** Data volumes can be snapshotted (needed for `onDelete: snapshot`). */
  volumeSnapshots: boolean;
  /** Services of type LoadBalancer get an external address from the cloud. */
  loadBalancer: boolean;
}
