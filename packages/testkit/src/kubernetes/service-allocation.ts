import {
  asArray,
  asNumber,
  asRecord,
  asString,
  childRecord,
  type KubeObject,
  nameOf,
  namespaceOf,
} from './kube-object.js';
import type { ServiceRange } from './service-range.js';
import { allStored, type KubernetesState } from './store.js';

const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

/** A field error for a Service, before it is wrapped as an Invalid Status. */
export interface FieldProblem {
  field: string;
  message: string;
}

function otherServices(state: KubernetesState, service: KubeObject): KubeObject[] {
  return allStored(state)
    .filter((stored) => stored.group === '' && stored.plural === 'services')
    .filter((stored) => !(stored.namespace === namespaceOf(service) && stored.name === nameOf(service)))
    .map((stored) => stored.object);
}

/** The lowest free address after the `kubernetes` Service's (.1). */
function nextFreeIp(range: ServiceRange, used: Set<string>): string {
  for (let index = 2; index < range.size - 1; index++) {
    const ip = range.address(index);
    if (!used.has(ip)) return ip;
  }
  throw new Error(`service cluster IP range ${range.cidr} exhausted`);
}

function assignClusterIp(
  range: ServiceRange,
  spec: Record<string, unknown>,
  liveSpec: Record<string, unknown> | undefined,
  used: Set<string>,
): FieldProblem[] {
  const requested = asString(spec.clusterIP) ?? asString(asArray(spec.clusterIPs)[0]);
  const previous = asString(liveSpec?.clusterIP);
  if (previous !== undefined) {
    if (requested !== undefined && requested !== '' && requested !== previous) {
      return [
        { field: 'spec.clusterIPs[0]', message: `Invalid value: "${requested}": may not change once set` },
      ];
    }
    spec.clusterIP = previous;
  } else if (requested === undefined || requested === '') {
    spec.clusterIP = nextFreeIp(range, used);
  } else if (requested !== 'None') {
    if (!range.contains(requested)) {
      return [
        {
          field: 'spec.clusterIPs',
          message: `Invalid value: ["${requested}"]: failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${range.cidr}`,
        },
      ];
    }
    if (used.has(requested)) {
      return [
        {
          field: 'spec.clusterIPs',
          message: `Invalid value: ["${requested}"]: failed to allocate IP ${requested}: provided IP is already allocated`,
        },
      ];
    }
    spec.clusterIP = requested;
  }
  spec.clusterIPs = [spec.clusterIP];
  spec.ipFamilies = ['IPv4'];
  spec.ipFamilyPolicy = 'SingleStack';
  return [];
}

function assignNodePorts(ports: Record<string, unknown>[], livePorts: unknown[], used: Set<number>): void {
  for (const port of ports) {
    if (asNumber(port.nodePort) !== undefined) continue;
    const before = livePorts
      .map(asRecord)
      .find((live) => live?.port === port.port && asNumber(live?.nodePort) !== undefined);
    let chosen = asNumber(before?.nodePort);
    if (chosen === undefined) {
      chosen = NODE_PORT_MIN;
      while (used.has(chosen) && chosen < NODE_PORT_MAX) chosen += 1;
    }
    port.nodePort = chosen;
    used.add(chosen);
  }
}

/**
 * Service defaults and allocations, as the API server's Service registry does them: type,
 * protocol and targetPort defaults; a cluster IP from the cluster's Service range (kept across updates, a requested
 * one checked for range and collisions); node ports for NodePort and LoadBalancer Services.
 */
export function prepareService(
  range: ServiceRange,
  state: KubernetesState,
  service: KubeObject,
  live: KubeObject | undefined,
): FieldProblem[] {
  const spec = childRecord(service, 'spec');
  const liveSpec = live ? asRecord(live.spec) : undefined;
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  const ports = asArray(spec.ports)
    .map(asRecord)
    .filter((port): port is Record<string, unknown> => port !== undefined);
  for (const port of ports) {
    port.protocol ??= 'TCP';
    port.targetPort ??= port.port;
  }
  if (spec.type === 'ExternalName') return [];
  if (ports.length === 0 && spec.clusterIP !== 'None')
    return [{ field: 'spec.ports', message: 'Required value' }];
  spec.internalTrafficPolicy ??= 'Cluster';
  const others = otherServices(state, service);
  const usedIps = new Set(
    others
      .map((other) => asString(asRecord(other.spec)?.clusterIP))
      .filter((ip): ip is string => Boolean(ip)),
  );
  const problems = assignClusterIp(range, spec, liveSpec, usedIps);
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    spec.externalTrafficPolicy ??= 'Cluster';
    const usedPorts = new Set(
      others.flatMap((other) =>
        asArray(asRecord(other.spec)?.ports).map((port) => asNumber(asRecord(port)?.nodePort) ?? 0),
      ),
    );
    assignNodePorts(ports, asArray(liveSpec?.ports), usedPorts);
  }
  return problems;
}
