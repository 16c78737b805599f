import { describe, expect, it } from 'vitest';
import { registry } from '../../../test/fixture-provider.js';
import type { HubfleetConfig } from '../../config/deployment.js';
import { validateConfigText } from '../../config/load.js';
import type { PlaceholderValues } from './placeholder-values.js';
import { placeholdersRelease } from './placeholders-release.js';
import {
  PLACEHOLDER_PRIORITY_CLASS_NAME,
  USER_PRIORITY_CLASS_NAME,
  USER_SCHEDULER_NAME,
} from './scheduling-names.js';

const BASE = `apiVersion: hubfleet/v1
name: demo
provider: { kind: fixture, region: here }
cluster:
  kubernetesVersion: "1.33"
  nodeGroups:
    - { name: tools, role: tools, instanceType: small, min: 1, max: 2 }
    - { name: core, role: core, instanceType: small, min: 1, max: 2 }
    - { name: users, role: users, instanceType: large, min: 0, max: 5 }
    - name: gpu
      role: gpu
      instanceType: gpu-large
      min: 0
      max: 2
      gpu: { count: 1 }
      taints: [{ key: dedicated, value: ml, effect: NoSchedule }]
ingress: { host: hub.example.edu, tls: { mode: letsencrypt, email: ops@example.edu } }
hubs:
  - name: course
    auth: { type: native, admins: [admin] }
`;

const TOOLS = `tools:
  placeholders:
    - { name: small, nodeGroup: users, replicas: 20, cpu: 0.1, memory: 0.5G }
    - { name: medium, nodeGroup: users, replicas: 4, cpu: 500m, memory: 2Gi }
    - { name: gpu, nodeGroup: gpu, replicas: 1, cpu: 2, memory: 8G, gpu: 1 }
  placeholderSchedule:
    - { placeholder: small, cron: "45 9 * * MON,WED", replicas: 60, for: 2h }
    - { placeholder: gpu, cron: "0 23 * * FRI", replicas: 2, for: 3h }
`;

function load(text: string): HubfleetConfig {
  const result = validateConfigText(text, { registry, file: 'hubfleet.yaml', checkSecrets: false });
  if (!result.config) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.config;
}

const config = load(BASE + TOOLS);
const values = placeholdersRelease(config).values as {
  placeholders: PlaceholderValues[];
  [key: string]: unknown;
};

function placeholder(name: string): PlaceholderValues {
  const found = values.placeholders.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no placeholder ${name}`);
  return found;
}

describe('placeholdersRelease', () => {
  it('is the cluster-wide release of the local placeholders chart in hubfleet-system', () => {
    expect(placeholdersRelease(config)).toMatchObject({
      release: 'placeholders',
      namespace: 'hubfleet-system',
      chart: 'charts/placeholders',
      repository: 'local',
      version: '0.1.0',
      reason: expect.stringContaining('3 placeholder sizes, 2 schedules'),
    });
  });

  it('names the scheduler and priority classes that the hubs reference', () => {
    expect(values).toMatchObject({
      userScheduler: { name: USER_SCHEDULER_NAME },
      priorityClasses: {
        placeholder: { name: PLACEHOLDER_PRIORITY_CLASS_NAME, value: -10 },
        user: { name: USER_PRIORITY_CLASS_NAME, value: 0 },
      },
    });
    expect(USER_SCHEDULER_NAME).toBe('hubfleet-user-scheduler');
  });

  it('runs kube-scheduler and kubectl of the cluster minor version, with the cluster tools', () => {
    expect(values).toMatchObject({
      userScheduler: { image: { repository: 'registry.k8s.io/kube-scheduler', tag: 'v1.33.9' } },
      scaler: { image: { repository: 'registry.k8s.io/kubectl', tag: 'v1.33.9' } },
      placement: { nodeSelector: { 'hubfleet.io/nodegroup': 'tools' }, tolerations: [] },
    });
  });

  it('places each size on its nodegroup, tolerating its taints', () => {
    expect(placeholder('small')).toEqual({
      name: 'small',
      replicas: 20,
      cpu: '100m',
      memory: '0.5G',
      nodeSelector: { 'hubfleet.io/nodegroup': 'users' },
      tolerations: [
        { key: 'hub.jupyter.org/dedicated', operator: 'Equal', value: 'user', effect: 'NoSchedule' },
      ],
    });
    expect(placeholder('medium')).toMatchObject({ cpu: '500m', memory: '2Gi' });
  });

  it('holds GPUs for GPU placeholders on the gpu nodegroup, and none elsewhere', () => {
    expect(placeholder('gpu')).toMatchObject({
      cpu: '2000m',
      memory: '8G',
      gpu: 1,
      nodeSelector: { 'hubfleet.io/nodegroup': 'gpu' },
    });
    expect(placeholder('gpu').tolerations.map((toleration) => toleration.key)).toEqual([
      'hub.jupyter.org/dedicated',
      'nvidia.com/gpu',
      'dedicated',
    ]);
    expect(placeholder('small')).not.toHaveProperty('gpu');
  });

  it('turns each schedule into a raise cron and the crons that lower it again', () => {
    expect(values.schedules).toEqual([
      { placeholder: 'small', replicas: 60, raiseAt: '45 9 * * MON,WED', lowerAt: ['45 11 * * MON,WED'] },
      { placeholder: 'gpu', replicas: 2, raiseAt: '0 23 * * FRI', lowerAt: ['0 2 * * 6'] },
    ]);
  });

  it('still installs the scheduler and priority classes with no placeholders', () => {
    const bare = placeholdersRelease(load(BASE));
    expect(bare.values).toMatchObject({ placeholders: [], schedules: [] });
    expect(bare.reason).toContain('0 placeholder sizes, 0 schedules');
  });

  it('runs the cluster tools on core when there is no tools nodegroup', () => {
    const withoutTools = load(BASE.replace(/ {4}- \{ name: tools.*\n/, ''));
    expect(placeholdersRelease(withoutTools).values).toMatchObject({
      placement: { nodeSelector: { 'hubfleet.io/nodegroup': 'core' } },
    });
  });
});
