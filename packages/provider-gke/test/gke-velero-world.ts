import type { HubfleetConfig, ProviderResourceV1 } from '@hubfleet/core';
import { afterEach } from 'vitest';
import type { GkeProviderSettings } from '../src/gke-config.js';
import { connectGke } from '../src/gke-connect.js';
import type { GkeProviderSession } from '../src/gke-session.js';
import { rhodesConfig, startGoogleFakes } from './gke-fake-world.js';

export type GkeFakes = Awaited<ReturnType<typeof startGoogleFakes>>;
export type GkeConfig = HubfleetConfig<GkeProviderSettings>;

/**
 * Rhodes with velero backing up to `bucket`, connected to fresh Google fakes of `project`, for the
 * velero step tests: its provider resources by kind, and a count of mutating calls. Closed after
 * each test of the file that calls this at its top.
 */
export function veleroWorlds(project: string, bucket: string) {
  const open: { fakes: GkeFakes; session: GkeProviderSession }[] = [];
  afterEach(async () => {
    for (const { fakes, session } of open.splice(0)) {
      await session.close();
      await fakes.close();
    }
  });
  return async (change: (config: GkeConfig) => GkeConfig = (config) => config) => {
    const fakes = await startGoogleFakes(project);
    const config = change(rhodesConfig('jupyter', project, { backupBucket: bucket }));
    const session = await connectGke(
      config,
      { configDirectory: process.cwd(), simulation: { endpoints: fakes.endpoints, credentials: fakes.key } },
      { pollIntervalMs: 2, retryDelayMs: 1 },
    );
    open.push({ fakes, session });
    const resources = session.resources?.() ?? [];
    const step = <Observed>(kind: string) =>
      resources.find((each) => each.kind === kind) as ProviderResourceV1<Observed>;
    const mutating = () => fakes.callLog.count({ mutating: true });
    return { fakes, session, config, step, mutating };
  };
}
