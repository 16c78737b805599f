import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderSettingsV1 } from '@hubfleet/core';
import { type RunningDnsFake, startDnsFake } from '../dns/dns-fake.js';
import { createCallLog, readCallLog, SIM_CALL_LOG } from '../framework/call-log.js';
import { createClock } from '../framework/clock.js';
import { createFaultInjector, type FaultPlan } from '../framework/faults.js';
import type { RunningService } from '../framework/http-service.js';
import { type RunningCinderFake, startCinderFake } from '../openstack/cinder/cinder-fake.js';
import { cinderVolumeBackend } from '../openstack/cinder/cinder-volume-backend.js';
import { type RunningGlanceFake, startGlanceFake } from '../openstack/glance/glance-fake.js';
import { type RunningKeystoneFake, startKeystoneFake } from '../openstack/keystone/keystone-fake.js';
import { DEFAULT_KEYSTONE_IDENTITY } from '../openstack/keystone/keystone-state.js';
import { type RunningMagnumFake, startMagnumFake } from '../openstack/magnum/magnum-fake.js';
import { type RunningNeutronFake, startNeutronFake } from '../openstack/neutron/neutron-fake.js';
import { type RunningNovaFake, startNovaFake } from '../openstack/nova/nova-fake.js';
import type { NovaFakeOptions } from '../openstack/nova/nova-settings.js';
import { type RunningOctaviaFake, startOctaviaFake } from '../openstack/octavia/octavia-fake.js';
import { magnumClusterNetwork } from './magnum-cluster-network.js';
import { type MagnumKubernetes, startMagnumKubernetes } from './magnum-kubernetes.js';
import {
  type OpenStackSimCredentials,
  SIM_OPENSTACK_APPLICATION_CREDENTIAL,
  simCloudsYaml,
  simCredentials,
} from './openstack-sim-credentials.js';
import { openstackSimInventory } from './openstack-sim-inventory.js';
import { NECTAR_PROFILE, type OpenStackSimProfile, STFC_PROFILE } from './openstack-sim-profiles.js';
import type { SimCloud, SimCloudStartOptions } from './sim-cloud.js';
import { loadOrCreateAuthority } from './sim-cluster-authority.js';

/**
 * The registry's start options (state directory, speed, fault rate and seed, region, the catalog's
 * machine sizes) and a few of the OpenStack sim's own.
 */
export interface OpenStackSimCloudOptions extends SimCloudStartOptions {
  /** A whole fault plan (scripted faults too); wins over `faultRate`/`faultSeed`. */
  faults?: FaultPlan;
  /** Which real cloud it looks like. @default STFC_PROFILE */
  profile?: OpenStackSimProfile;
  /** Keystone's port, for a stable auth URL across restarts. @default 0 (ephemeral) */
  keystonePort?: number;
  /** A server's SSH host keys (NeCTAR sim: a real sshd's), shown in its console output. */
  hostKeysFor?: (server: { id: string; name: string }) => string[] | undefined;
  /** Nova's own settings: scripted build outcomes (ERROR, a BUILD that never ends), durations, machines. */
  nova?: Pick<
    NovaFakeOptions,
    'buildOutcomes' | 'buildErrorRate' | 'durations' | 'ownAddressFor' | 'machineReady' | 'quotas'
  >;
  /** Called after every successful mutating call of a service (the NeCTAR VM sim follows Nova, Neutron and Cinder). */
  afterMutation?: (service: 'nova' | 'neutron' | 'cinder') => void;
}

export interface OpenStackSimCloud extends SimCloud {
  provider: OpenStackSimProfile['provider'];
  /**
   * Keystone's URL is all a client needs (its catalog lists the rest); `kubernetes` is the cluster's
   * API; `dns` (`127.0.0.1:<port>`, UDP) is the DNS server to look `ingress.host` up at.
   */
  endpoints: Record<'keystone' | 'kubernetes' | 'dns', string>;
  /** The world's DNS: see `simDns`. */
  dns: RunningDnsFake;
  /** Every service's base URL, for tests and logs. */
  services: Record<
    'keystone' | 'magnum' | 'cinder' | 'nova' | 'neutron' | 'octavia' | 'glance' | 'kubernetes',
    string
  >;
  credentials: OpenStackSimCredentials;
  /** A clouds.yaml naming this cloud `sim` (and `sim-password`). */
  cloudsYamlFile: string;
  keystone: RunningKeystoneFake;
  magnum: RunningMagnumFake;
  cinder: RunningCinderFake;
  nova: RunningNovaFake;
  neutron: RunningNeutronFake;
  octavia: RunningOctaviaFake;
  glance: RunningGlanceFake;
  /** The Kubernetes API of the newest Magnum cluster that is up (Nodes from its nodegroups, LBs in Octavia). */
  kubernetes: MagnumKubernetes;
  close(): Promise<void>;
}

type SimServices = Pick<
  OpenStackSimCloud,
  'keystone' | 'magnum' | 'cinder' | 'nova' | 'neutron' | 'octavia' | 'glance' | 'kubernetes'
>;

/** `provider.keypair` of the config the sim was started for, if any. */
function configuredKeypairs(settings: SimCloudStartOptions['settings']): string[] {
  const keypair = (settings as { keypair?: unknown } | undefined)?.keypair;
  return typeof keypair === 'string' ? [keypair] : [];
}

/** Catalog entries as a real cloud registers them (Cinder with the project, Neutron/Octavia/Glance bare). */
function registerCatalog(cloud: SimServices): void {
  const register = cloud.keystone.fake.registerService;
  register({ type: 'container-infra', name: 'magnum', url: `${cloud.magnum.url}/v1` });
  register({ type: 'volumev3', name: 'cinderv3', url: `${cloud.cinder.url}/v3/$(project_id)s` });
  register({ type: 'compute', name: 'nova', url: `${cloud.nova.url}/v2.1` });
  register({ type: 'network', name: 'neutron', url: cloud.neutron.url });
  register({ type: 'load-balancer', name: 'octavia', url: cloud.octavia.url });
  register({ type: 'image', name: 'glance', url: cloud.glance.url });
}

/**
 * The sim's DNS: the operator has pointed the host at the prepared floating IP (`provider.floatingIp`,
 * seed 002's precondition), or, without one, at the ingress controller's load balancer once it has
 * an address. Every name gets that answer; none is NXDOMAIN.
 */
function simDnsAnswer(settings: ProviderSettingsV1 | undefined, octavia: RunningOctaviaFake): string[] {
  const floatingIp = (settings as { floatingIp?: unknown } | undefined)?.floatingIp;
  if (typeof floatingIp === 'string') return [floatingIp];
  const ingress = Object.values(octavia.state.loadBalancers).find((lb) =>
    lb.name.endsWith('_ingress-nginx_ingress-nginx-controller'),
  );
  return ingress === undefined ? [] : [ingress.vipAddress];
}

/**
 * A whole simulated OpenStack project on loopback: Keystone and, behind its catalog, Magnum,
 * Cinder, Nova, Neutron, Octavia and Glance on one clock, one fault plan, one call log and one
 * state directory. Every service checks tokens with Keystone; Nova attaches Cinder volumes and
 * puts servers (and Octavia its VIPs) on Neutron ports; Nova boots only Glance's images.
 */
export async function startOpenStackSimCloud(options: OpenStackSimCloudOptions): Promise<OpenStackSimCloud> {
  const directory = options.stateDirectory;
  mkdirSync(directory, { recursive: true });
  const profile = options.profile ?? STFC_PROFILE;
  const region = options.region ?? profile.region;
  const clock = createClock(options.speed ?? 1);
  const faults = createFaultInjector(
    options.faults ?? {
      ...(options.faultRate === undefined ? {} : { rate: options.faultRate }),
      ...(options.faultSeed === undefined ? {} : { seed: options.faultSeed }),
    },
  );
  const callLogFile = join(directory, SIM_CALL_LOG);
  const callLog = createCallLog(callLogFile);
  const stateFile = (name: string) => join(directory, `${name}.json`);
  const projectId = DEFAULT_KEYSTONE_IDENTITY.project.id;
  const base = { clock, faults, callLog };

  const keystone = await startKeystoneFake({
    ...base,
    region,
    stateFile: stateFile('keystone'),
    ...(options.keystonePort ? { port: options.keystonePort } : {}),
  });
  const credentialId = 'a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4';
  if (!keystone.state.applicationCredentials[credentialId])
    keystone.fake.addApplicationCredential({ ...SIM_OPENSTACK_APPLICATION_CREDENTIAL, id: credentialId });
  const common = { ...base, validToken: keystone.fake.validToken, projectId };
  const started: RunningService[] = [keystone];
  const track = <Service extends RunningService>(service: Service): Service => {
    started.push(service);
    return service;
  };
  try {
    const neutron = track(
      await startNeutronFake({
        ...common,
        externalNetworks: profile.externalNetworks,
        stateFile: stateFile('neutron'),
        afterMutation: () => options.afterMutation?.('neutron'),
      }),
    );
    const glance = track(
      await startGlanceFake({ ...common, images: profile.images, stateFile: stateFile('glance') }),
    );
    const cinder = track(
      await startCinderFake({
        ...common,
        availabilityZones: profile.availabilityZones,
        stateFile: stateFile('cinder'),
        afterMutation: () => options.afterMutation?.('cinder'),
      }),
    );
    const nova = track(
      await startNovaFake({
        ...common,
        flavors: profile.flavors,
        // The key pair a config names exists in the project before hubfleet runs (002: made by hand).
        keypairs: configuredKeypairs(options.settings),
        availabilityZones: profile.availabilityZones,
        ports: neutron.fake.ports,
        volumes: cinderVolumeBackend(cinder.fake),
        imageExists: glance.fake.imageExists,
        ...(options.hostKeysFor ? { hostKeysFor: options.hostKeysFor } : {}),
        ...options.nova,
        quotas: { ...profile.novaQuotas, ...options.nova?.quotas },
        stateFile: stateFile('nova'),
        afterMutation: () => options.afterMutation?.('nova'),
      }),
    );
    const octavia = track(
      await startOctaviaFake({ ...common, ports: neutron.fake.ports, stateFile: stateFile('octavia') }),
    );
    // Magnum reports the simulated Kubernetes API as each cluster's api_address once it is up, and
    // signs client certificates with the CA that API trusts.
    let kubernetesUrl = '';
    const authority = await loadOrCreateAuthority(stateFile('cluster-ca'), 'kubernetes');
    const magnum = track(
      await startMagnumFake({
        ...common,
        ...profile.magnum,
        apiAddressFor: () => kubernetesUrl,
        certificateAuthority: authority,
        keypairExists: (name) => nova.state.keypairs[name] !== undefined,
        stateFile: stateFile('magnum'),
      }),
    );
    if (Object.keys(magnum.state.clusterTemplates).length === 0) {
      for (const template of profile.clusterTemplates) magnum.fake.addClusterTemplate(template);
      magnum.fake.settings.save();
    }
    const kubernetes = track(
      await startMagnumKubernetes({
        ...base,
        magnum,
        octavia,
        flavors: profile.flavors,
        authority,
        ...(options.capacityOf ? { capacityOf: options.capacityOf } : {}),
        stateFile,
        // The cluster's fixed network, else the private network its Heat stack made (routed to the
        // template's external network, so the VIP can take a floating IP).
        vipNetworkFor: (cluster) => {
          const networks = Object.values(neutron.state.networks);
          const fixed = networks.find((network) =>
            [network.id, network.name].includes(cluster.fixedNetwork ?? ''),
          );
          return fixed?.id ?? magnumClusterNetwork(neutron, magnum.state, cluster, clock.now());
        },
      }),
    );
    kubernetesUrl = kubernetes.url;
    const dns = await startDnsFake({}, { anyName: () => simDnsAnswer(options.settings, octavia) });
    started.push({ name: 'dns', url: dns.server, close: dns.close });
    const cloud: SimServices = { keystone, magnum, cinder, nova, neutron, octavia, glance, kubernetes };
    registerCatalog(cloud);
    const credentials = simCredentials(keystone.url, region, credentialId);
    const cloudsYamlFile = join(directory, 'clouds.yaml');
    writeFileSync(cloudsYamlFile, simCloudsYaml(credentials), { mode: 0o600 });
    return {
      ...cloud,
      provider: profile.provider,
      region,
      endpoints: { keystone: keystone.url, kubernetes: kubernetes.url, dns: dns.server },
      dns,
      services: {
        keystone: keystone.url,
        magnum: magnum.url,
        cinder: cinder.url,
        nova: nova.url,
        neutron: neutron.url,
        octavia: octavia.url,
        glance: glance.url,
        kubernetes: kubernetes.url,
      },
      credentials,
      cloudsYamlFile,
      stateDirectory: directory,
      callLogFile,
      faults,
      calls: () => readCallLog(callLogFile),
      inventory: async () => {
        magnum.fake.settle();
        cinder.fake.settle();
        kubernetes.fake.reconcile();
        return openstackSimInventory({
          provider: profile.provider,
          region,
          magnum: magnum.state,
          cinder: cinder.state,
          neutron: neutron.state,
          kubernetes: kubernetes.fake.state,
          calls: readCallLog(callLogFile),
        });
      },
      close: async () => {
        await Promise.all(started.map((service) => service.close()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((service) => service.close()));
    throw error;
  }
}

/** The same cloud as NeCTAR shows it: its flavors, images, availability zones and external networks. */
export function startNectarSimCloud(
  options: Omit<OpenStackSimCloudOptions, 'profile'>,
): Promise<OpenStackSimCloud> {
  return startOpenStackSimCloud({ ...options, profile: NECTAR_PROFILE });
}
