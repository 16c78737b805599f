import {
  createKubeCall,
  createKubeTransport,
  createManifestApplier,
  loadKubeconfig,
} from '@hubfleet/core/kubernetes';
import { expect } from 'vitest';
import type { ConformanceContext } from './conformance-context.js';

/**
 * The session's `cluster.kubeconfig()` is loaded by hubfleet's Kubernetes client (as a deployment
 * loads it) and an authenticated request reaches the simulated API: the namespaces are listed.
 * Returns the credential kind (token, client-certificate, exec, …) for the report.
 */
export async function checkKubeconfigReachesApi(context: ConformanceContext): Promise<string> {
  const loaded = await loadKubeconfig(await context.session.cluster.kubeconfig());
  // The simulated API may inject transient faults too: retry them as a deployment would, without waiting.
  const api = createManifestApplier(
    createKubeCall(createKubeTransport(loaded), { attempts: 8, baseDelayMs: 1, maxDelayMs: 10 }),
  );
  const namespaces = (await api.list('v1', 'Namespace')).map((namespace) => namespace.metadata.name);
  expect(namespaces, `namespaces listed through context "${loaded.context}"`).toContain('kube-system');
  return loaded.credential;
}
