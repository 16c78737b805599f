import { gkeProvider } from '@hubfleet/provider-gke';
import { type FaultPlan, type GkeSimCloud, startGkeSimCloud } from '@hubfleet/testkit';

/**
 * The simulated Google Cloud project, in this process. Machine types come from the GKE catalog, so
 * simulated nodes have the catalog's CPUs and memory; the project's service-account key goes to the
 * provider as `simulatedEndpoints.serviceAccountKey`, the way a key file would.
 */
export async function startGkeSim(
  stateDirectory: string,
  speed: number,
  faults: FaultPlan | undefined,
  project: string,
): Promise<{ cloud: GkeSimCloud; simulatedEndpoints: Record<string, string> }> {
  const cloud = await startGkeSimCloud({
    stateDirectory,
    speed,
    project,
    ...(faults === undefined ? {} : { faults }),
    machineTypes: gkeProvider.catalog.machines.map((machine) => ({
      name: machine.name,
      guestCpus: machine.cpu,
      memoryMb: Math.round(machine.memoryGiB * 1024),
      ...(machine.gpu === undefined
        ? {}
        : {
            accelerators: [
              { guestAcceleratorType: machine.gpu.model, guestAcceleratorCount: machine.gpu.count },
            ],
          }),
    })),
  });
  return {
    cloud,
    simulatedEndpoints: { ...cloud.endpoints, serviceAccountKey: JSON.stringify(cloud.credentials) },
  };
}
