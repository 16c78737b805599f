import { parse } from 'yaml';
import { HubfleetError } from '../../errors/index.js';

/** Where a kubeconfig's current context points, and how to authenticate there. */
export interface KubeTarget {
  /** The API server URL, e.g. `https://ABC.gr7.us-west-2.eks.amazonaws.com`. */
  server: string;
  /** Bearer token, when the user authenticates with one (EKS tokens, service accounts). */
  token?: string;
  /** PEM of the cluster CA, decoded from `certificate-authority-data`. */
  certificateAuthority?: string;
  /** `insecure-skip-tls-verify: true` (the simulated API server speaks plain HTTP). */
  insecure: boolean;
}

type Named<T> = { name?: unknown } & T;

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function find(list: unknown, name: unknown, field: string): Record<string, unknown> {
  const entries = Array.isArray(list) ? (list as Named<Record<string, unknown>>[]) : [];
  const entry = entries.find((candidate) => record(candidate).name === name);
  return record(entry?.[field]);
}

function unusable(why: string): HubfleetError {
  return new HubfleetError({
    kind: 'internal',
    message: `the provider's kubeconfig cannot be used: ${why}`,
    hint: 'this is a provider bug: its cluster.kubeconfig() must name a server and a token',
    subject: 'kubeconfig',
  });
}

/**
 * The current context of a kubeconfig as a target for hubfleet's own Kubernetes client: server,
 * bearer token and CA. Only what providers produce is read (token users, CA data or the insecure
 * flag); exec plugins and client certificates are for kubectl, not for hubfleet.
 */
export function parseKubeconfig(text: string): KubeTarget {
  const document = record(parse(text));
  const contextName = document['current-context'];
  const context = find(document.contexts, contextName, 'context');
  const cluster = find(document.clusters, context.cluster, 'cluster');
  const user = find(document.users, context.user, 'user');
  const server = cluster.server;
  if (typeof server !== 'string' || server === '') throw unusable('no server in its current context');
  const target: KubeTarget = { server: server.replace(/\/+$/, ''), insecure: false };
  if (cluster['insecure-skip-tls-verify'] === true) target.insecure = true;
  const authority = cluster['certificate-authority-data'];
  if (typeof authority === 'string' && authority !== '') {
    target.certificateAuthority = Buffer.from(authority, 'base64').toString('utf8');
  }
  if (typeof user.token === 'string' && user.token !== '') target.token = user.token;
  return target;
}
