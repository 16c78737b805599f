import { rmSync } from 'node:fs';
import { readCallLog } from '@hubfleet/testkit';
import { runProviderConformance } from '@hubfleet/testkit/conformance';
import { expect, vi } from 'vitest';
import { nectarSimSession, smallNectarConfig } from '../test/nectar-sim-session.js';
import { nectarProvider } from './nectar-provider.js';

// Real sshd VMs booting and bootstrapping over SSH: generous on a loaded 2-core machine.
vi.setConfig({ hookTimeout: 300_000, testTimeout: 300_000 });

const config = smallNectarConfig('conformance');

// The NeCTAR sim: Keystone, Nova, Neutron, Cinder and Glance fakes, a real sshd VM behind every
// ACTIVE server (kubeadm stubs tied to a simulated Kubernetes API), 5% transient faults.
runProviderConformance({
  name: 'nectar on startNectarVmSim (real sshd VMs, kubeadm over SSH), 5% transient faults',
  provider: nectarProvider,
  kubernetes: true,
  config,
  quotaFault: { operation: 'nova.CreateServer' },
  poll: { attempts: 600, intervalMs: 50 },
  async setup() {
    const { sim, session, directory } = await nectarSimSession(config, { faultRate: 0.05 });
    return {
      session,
      faults: sim.cloud.faults,
      teardown: async () => {
        await sim.close();
        const faulted = readCallLog(sim.cloud.callLogFile).filter(
          (call) => call.status === 429 || call.status >= 500,
        ).length;
        rmSync(directory, { recursive: true, force: true });
        expect(faulted, 'transient faults the sim injected and the provider rode out').toBeGreaterThan(0);
      },
    };
  },
});
