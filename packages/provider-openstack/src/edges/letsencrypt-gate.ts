import {
  HubfleetError,
  type KubernetesAccessV1,
  type ProviderResourceV1,
  type ResourceContextV1,
} from '@hubfleet/core';
import { appliedManifest } from '@hubfleet/core/deployment';
import { INGRESS_NAMESPACE, TLS_SECRET_NAME, tlsManifests } from '@hubfleet/core/kubernetes';
import { pollFor } from './edge-waits.js';
import { dnsResolver } from './host-resolver.js';
import type { MagnumEdgeDeps } from './magnum-edge-deps.js';

/** Records that the gate let Let's Encrypt go for `host` at `address` since `resolvedAt` (and is what `down` removes). */
export const GATE_CONFIG_MAP = { namespace: 'kube-system', name: 'hubfleet-letsencrypt-gate' } as const;

const GATE_REF = { apiVersion: 'v1', kind: 'ConfigMap', ...GATE_CONFIG_MAP };
const CERTIFICATE_REF = {
  apiVersion: 'cert-manager.io/v1',
  kind: 'Certificate',
  namespace: INGRESS_NAMESPACE,
  name: TLS_SECRET_NAME,
};

/** What the gate sees: where the host points, and whether cert-manager is backing off after a failure. */
export interface ObservedLetsEncryptGate {
  host: string;
  /** The address `ingress.host` must resolve to: the floating IP, else the ingress load balancer's. */
  expected: string | undefined;
  resolved: string[];
  /** Why the lookup itself failed (DNS servers unreachable), when it did. */
  lookupError?: string;
  /**
   * The host's Certificate: `failed-before-dns` when it is not Ready after a failure from before the
   * gate saw the host resolve here (cert-manager waits 1 h, 2 h, … to retry: restart it), `failed`
   * when it failed since (left to cert-manager's own schedule), else `issued` or `none`.
   */
  certificate: 'none' | 'issued' | 'failed-before-dns' | 'failed';
  /** When the gate first saw the host resolve to `expected` (its record), if it has. */
  resolvedAt?: string;
}

function resolution(observed: Pick<ObservedLetsEncryptGate, 'resolved' | 'lookupError'>): string {
  return observed.lookupError ?? `it resolves to ${observed.resolved.join(', ') || 'nothing'}`;
}

function resolvesTo(observed: Pick<ObservedLetsEncryptGate, 'expected' | 'resolved'>): boolean {
  return observed.expected !== undefined && observed.resolved.includes(observed.expected);
}

type GateRecord = { address?: string; resolvedAt?: string };

async function certificateState(
  kubernetes: KubernetesAccessV1,
  resolvedAt: string | undefined,
): Promise<ObservedLetsEncryptGate['certificate']> {
  // Undefined too before cert-manager is installed: its kinds are not served yet.
  const certificate = await kubernetes.get(CERTIFICATE_REF);
  const status = certificate?.status as
    | { lastFailureTime?: string; conditions?: { type?: string; status?: string }[] }
    | undefined;
  const ready = status?.conditions?.some(
    (condition) => condition.type === 'Ready' && condition.status === 'True',
  );
  if (ready === true) return 'issued';
  if (status?.lastFailureTime === undefined) return 'none';
  const before = resolvedAt === undefined || Date.parse(status.lastFailureTime) < Date.parse(resolvedAt);
  return before ? 'failed-before-dns' : 'failed';
}

/**
 * Restarts issuance at once: the Certificate is made again as core applies it (same content and
 * applied-hash annotation, so core's own step stays unchanged), without cert-manager's failure record.
 */
async function restartIssuance(deps: MagnumEdgeDeps, kubernetes: KubernetesAccessV1): Promise<void> {
  const certificate = tlsManifests(deps.config).find(
    (entry) => entry.manifest.kind === 'Certificate',
  )?.manifest;
  if (certificate === undefined) return;
  await kubernetes.delete(CERTIFICATE_REF);
  await kubernetes.apply(appliedManifest(certificate, deps.config.name));
}

/**
 * `acme/letsencrypt` (only with `ingress.tls.mode: letsencrypt`): cert-manager, and so the ACME
 * account and the host's Certificate, come only once `ingress.host` resolves to the floating IP (or
 * the ingress load balancer's address), looked up at public resolvers: seed 002 burnt its
 * five-a-week Let's Encrypt limit on attempts made before DNS pointed at the load balancer. `up`
 * waits for it (up to `dnsWaitMs`), then fails naming the record to make. When the address resolves
 * and cert-manager is backing off after an attempt that failed before the gate saw it resolve, the
 * gate restarts issuance once (seed 002 deleted the autohttps pod by hand); a failure since is left
 * to cert-manager's backoff, so reruns of `up` never burn the rate limit. It looks again on every `up`.
 */
export function letsEncryptGate(
  deps: MagnumEdgeDeps,
): ProviderResourceV1<ObservedLetsEncryptGate> | undefined {
  if (deps.config.ingress.tls.mode !== 'letsencrypt') return undefined;
  const host = deps.config.ingress.host;
  const resolver = deps.resolver ?? dnsResolver();
  const floatingIp = deps.config.provider.floatingIp;

  const now = deps.now ?? Date.now;

  async function record(kubernetes: KubernetesAccessV1): Promise<GateRecord | undefined> {
    const found = await kubernetes.get(GATE_REF);
    return found === undefined ? undefined : ((found.data as GateRecord | undefined) ?? {});
  }

  /** Looks the host up; `resolvedAt` is the record's when it names the same address, else now (once it resolves). */
  async function look(
    context: ResourceContextV1,
    kubernetes: KubernetesAccessV1,
    kept: GateRecord | undefined,
  ): Promise<ObservedLetsEncryptGate> {
    const expected = floatingIp ?? (await context.facts()).ingressAddress;
    // A lookup that fails (resolvers unreachable) is "not resolved yet", said in the reason, not a failed plan.
    const lookup = resolver.addresses(host).then(
      (resolved) => ({ resolved }),
      (error: unknown) => ({
        resolved: [],
        lookupError: error instanceof Error ? error.message : String(error),
      }),
    );
    const found = await lookup;
    const resolved = resolvesTo({ expected, resolved: found.resolved });
    const resolvedAt =
      kept?.address === expected && kept?.resolvedAt !== undefined
        ? kept.resolvedAt
        : resolved
          ? new Date(now()).toISOString()
          : undefined;
    const certificate = await certificateState(kubernetes, resolvedAt);
    return { host, expected, ...found, certificate, ...(resolvedAt === undefined ? {} : { resolvedAt }) };
  }

  return {
    name: 'letsencrypt',
    kind: 'acme',
    layer: 'cluster-addons',
    waitingOn: `DNS (${host} → ${floatingIp ?? 'the ingress address'})`,
    typicalDurationMs: 10_000,
    dependsOn: floatingIp === undefined ? ['tool:ingress-nginx'] : ['resource:ingress'],
    requiredBy: ['tool:cert-manager'],
    async observe(context) {
      const kubernetes = await context.kubernetes();
      const kept = kubernetes === undefined ? undefined : await record(kubernetes);
      if (kubernetes === undefined || kept === undefined) return undefined;
      return look(context, kubernetes, kept);
    },
    diff(observed) {
      if (observed === undefined) {
        return {
          action: 'create',
          reason: `ask Let's Encrypt only once ${host} resolves to ${floatingIp ?? 'the ingress address'}`,
        };
      }
      if (!resolvesTo(observed)) {
        return {
          action: 'update',
          reason: `${host} must resolve to ${observed.expected ?? 'the ingress address (not known yet)'}: ${resolution(observed)}`,
          changes: [{ field: host, from: observed.resolved.join(', '), to: observed.expected ?? '' }],
        };
      }
      if (observed.certificate === 'failed-before-dns') {
        return {
          action: 'update',
          reason: `${host} resolves now: restart the Let's Encrypt attempt that failed before it did`,
        };
      }
      if (observed.certificate === 'failed') {
        return {
          action: 'noop',
          reason: `${host} resolves to ${observed.expected}, yet Let's Encrypt failed since: cert-manager retries on its own schedule (\`kubectl -n ${INGRESS_NAMESPACE} describe certificate ${TLS_SECRET_NAME}\`)`,
        };
      }
      return { action: 'noop', reason: `${host} resolves to ${observed.expected}` };
    },
    async apply(action, context) {
      const kubernetes = await context.kubernetes();
      if (action === 'delete') {
        if (kubernetes !== undefined) await kubernetes.delete(GATE_REF);
        return;
      }
      if (kubernetes === undefined) {
        throw new HubfleetError({
          kind: 'unavailable',
          message: 'the cluster has no reachable Kubernetes API yet',
          hint: 'run `hubfleet up` again',
          subject: 'acme/letsencrypt',
        });
      }
      const limit = deps.dnsWaitMs ?? 15 * 60_000;
      const kept = await record(kubernetes);
      let last: ObservedLetsEncryptGate | undefined;
      const ready = await pollFor(
        deps,
        context.signal,
        async () => {
          last = await look(context, kubernetes, kept);
          return resolvesTo(last) ? last : undefined;
        },
        limit,
      );
      if (ready === undefined) {
        const expected = last?.expected;
        throw new HubfleetError({
          kind: 'unavailable',
          retryable: false,
          message: `${host} does not resolve to ${expected ?? 'the ingress address'} (${last === undefined ? 'not looked up' : resolution(last)}), so Let's Encrypt was not asked`,
          hint: `add the DNS record \`${host} ${expected?.includes(':') ? 'AAAA' : 'A'} ${expected ?? '<address>'}\`, then run \`hubfleet up\` again`,
          subject: 'ingress.host',
        });
      }
      if (ready.certificate === 'failed-before-dns') await restartIssuance(deps, kubernetes);
      await kubernetes.apply({
        apiVersion: GATE_REF.apiVersion,
        kind: GATE_REF.kind,
        metadata: { ...GATE_CONFIG_MAP },
        data: {
          host,
          address: ready.expected ?? '',
          resolvedAt: ready.resolvedAt ?? new Date(now()).toISOString(),
        },
      });
    },
    ready: (observed) => resolvesTo(observed) && observed.certificate !== 'failed-before-dns',
  };
}
