import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { HubfleetConfig } from '../../../config/deployment.js';
import type { HubConfig } from '../../../config/hub.js';
import { validateConfigText } from '../../../config/load.js';
import { createProviderRegistry } from '../../../config/registry.js';
import type { ProviderV1 } from '../../../provider/v1/provider.js';
import { NO_PROVISIONED_FACTS } from '../../provisioned.js';
import { type HubRelease, type HubReleaseOptions, hubRelease } from '../hub-release.js';

/**
 * Test support for the hub values: configs built through core's real schema and rules, with stand-in
 * providers (core may not import the real ones, and providers are not under test here).
 */

const EXAMPLE_KINDS = ['aws', 'gke', 'nectar', 'openstack', 'fixture'] as const;

function standInProvider(kind: string): ProviderV1 {
  const tool = { enabled: false, reason: 'stand-in provider' };
  return {
    specificationVersion: 'v1',
    id: kind,
    displayName: `stand-in ${kind}`,
    configSchema: z.looseObject({ kind: z.literal(kind) }),
    capabilities: {
      scaleToZero: true,
      nodeLabelsReachNodes: true,
      managedAutoscaler: false,
      gpuDriver: 'device-plugin',
      volumeSnapshots: true,
      loadBalancer: true,
    },
    catalog: {
      exhaustive: false,
      priceSource: 'none',
      priceDate: '2026-11-21',
      currency: 'USD',
      machines: [],
    },
    toolDefaults: { autoscaler: tool, registryCache: tool, gpuDriver: tool, monitoring: tool, backups: tool },
  };
}

const registry = createProviderRegistry(EXAMPLE_KINDS.map(standInProvider));

/** Validate config text as `hubfleet validate` would (without resolving secrets); throws on errors. */
export function loadConfig(text: string, file = 'test.yaml'): HubfleetConfig {
  const result = validateConfigText(text, {
    registry,
    file,
    checkSecrets: false,
    today: new Date('2026-11-21'),
  });
  if (!result.config) {
    const problems = result.issues.map((issue) => `${issue.pathText}: ${issue.message}`).join('\n');
    throw new Error(`${file} does not validate:\n${problems}`);
  }
  return result.config;
}

/** The repository's example configs, by file name without `.yaml`. */
export function exampleConfigs(examplesDirectory: string): Array<{ name: string; config: HubfleetConfig }> {
  return readdirSync(examplesDirectory)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => ({
      name: basename(file, '.yaml'),
      config: loadConfig(readFileSync(join(examplesDirectory, file), 'utf8'), file),
    }));
}

const CLUSTER = `apiVersion: hubfleet/v1
name: test
provider: { kind: fixture }
cluster:
  nodeGroups:
    - { name: core, role: core, instanceType: small, min: 1, max: 2 }
    - { name: users, role: users, instanceType: large, min: 0, max: 5 }
    - name: big
      role: users
      instanceType: xlarge
      min: 0
      max: 2
      taints: [{ key: size, value: big, effect: NoSchedule }]
    - { name: gpu, role: gpu, instanceType: gpu-large, min: 0, max: 2, gpu: { count: 1 } }
`;

/**
 * A small deployment (core, users, a tainted `big` users group, gpu) with the given hubs, given as YAML
 * list items, and the given ingress TLS mode.
 */
export function testConfig(
  hubsYaml: string,
  tls: 'letsencrypt' | 'manual' | 'none' = 'letsencrypt',
  tools = '',
): HubfleetConfig {
  const tlsYaml =
    tls === 'letsencrypt'
      ? '{ mode: letsencrypt, email: ops@example.edu }'
      : tls === 'manual'
        ? '{ mode: manual, certFile: ./tls.crt, keyFile: { fromFile: ./tls.key } }'
        : '{ mode: none }';
  const text = `${CLUSTER}ingress:\n  host: hub.example.edu\n  tls: ${tlsYaml}\n${tools}hubs:\n${hubsYaml}`;
  return loadConfig(text);
}

/** The one hub of a config built by `testConfig`. */
export function onlyHub(config: HubfleetConfig): HubConfig {
  const [hub] = config.hubs;
  if (!hub) throw new Error('the test config has no hub');
  return hub;
}

/** The hub release of a `testConfig` deployment's only hub. */
export function releaseOfOnlyHub(config: HubfleetConfig, options: HubReleaseOptions = {}): HubRelease {
  return hubRelease(config, onlyHub(config), NO_PROVISIONED_FACTS, options);
}
