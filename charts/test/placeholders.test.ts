import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { helmLint, helmTemplate, type RenderOptions } from './helm.js';
import { findManifest, parseManifests, type RenderedManifest, validateManifest } from './manifests.js';

const RELEASE = { chart: 'placeholders', release: 'placeholders', namespace: 'hubfleet-system' } as const;

function options(fixture?: string, set?: readonly string[]): RenderOptions {
  return { ...RELEASE, ...(fixture ? { fixture } : {}), ...(set ? { set } : {}) };
}

function render(fixture?: string): { output: string; manifests: RenderedManifest[] } {
  const result = helmTemplate(options(fixture));
  if (!result.ok) throw new Error(result.stderr);
  return { output: result.stdout, manifests: parseManifests(result.stdout) };
}

function renderError(fixture: string, set?: readonly string[]): string {
  const result = helmTemplate(options(fixture, set));
  expect(result.ok).toBe(false);
  return result.stderr;
}

const CASES = [
  { name: 'defaults (scheduler only)', fixture: undefined, snapshot: 'defaults.yaml' },
  { name: 'three sizes, GPU, two schedules', fixture: 'three-sizes.yaml', snapshot: 'three-sizes.yaml' },
] as const;

describe('charts/placeholders', () => {
  describe.each(CASES)('$name', ({ fixture, snapshot }) => {
    it('passes helm lint --strict', () => {
      const result = helmLint(options(fixture));
      expect(result.stderr).toBe('');
      expect(result.ok).toBe(true);
    });

    it('renders valid Kubernetes objects', async () => {
      const { output, manifests } = render(fixture);
      for (const manifest of manifests) {
        validateManifest(manifest);
        expect(manifest.metadata.labels).toMatchObject({ 'app.kubernetes.io/part-of': 'hubfleet' });
      }
      await expect(output).toMatchFileSnapshot(`__snapshots__/placeholders/${snapshot}`);
    });
  });

  describe('the user scheduler', () => {
    const { manifests } = render('three-sizes.yaml');

    it('is kube-scheduler with one bin-packing profile and a leader-election Lease', () => {
      const config = parse(
        findManifest(manifests, 'ConfigMap', 'hubfleet-user-scheduler').data['config.yaml'],
      );
      expect(config.leaderElection).toMatchObject({
        leaderElect: true,
        resourceLock: 'leases',
        resourceName: 'hubfleet-user-scheduler',
        resourceNamespace: 'hubfleet-system',
      });
      expect(config.profiles).toHaveLength(1);
      const [profile] = config.profiles;
      expect(profile.schedulerName).toBe('hubfleet-user-scheduler');
      expect(profile.pluginConfig[0]).toMatchObject({
        name: 'NodeResourcesFit',
        args: { scoringStrategy: { type: 'MostAllocated' } },
      });
      expect(profile.plugins.score.disabled).toContainEqual({ name: 'NodeResourcesBalancedAllocation' });
    });

    it("runs as its own ServiceAccount, bound to the cluster's scheduler roles and its own Lease", () => {
      const deployment = findManifest(manifests, 'Deployment', 'hubfleet-user-scheduler');
      expect(deployment.spec.template.spec.serviceAccountName).toBe('hubfleet-user-scheduler');
      expect(deployment.spec.template.spec.containers[0].image).toBe(
        'registry.k8s.io/kube-scheduler:v1.33.9',
      );
      expect(deployment.spec.template.spec.nodeSelector).toEqual({ 'hubfleet.io/nodegroup': 'tools' });
      const roles = manifests
        .filter((manifest) => manifest.kind === 'ClusterRoleBinding')
        .map((binding) => binding.roleRef.name);
      expect(roles.sort()).toEqual(['system:kube-scheduler', 'system:volume-scheduler']);
      const lease = findManifest(manifests, 'Role', 'hubfleet-user-scheduler-lease');
      expect(lease.rules).toEqual([
        {
          apiGroups: ['coordination.k8s.io'],
          resources: ['leases'],
          resourceNames: ['hubfleet-user-scheduler'],
          verbs: ['get', 'list', 'watch', 'update', 'patch'],
        },
      ]);
    });
  });

  describe('priority classes', () => {
    const { manifests } = render();

    it('put placeholders at -10, never preempting, and users above them', () => {
      expect(findManifest(manifests, 'PriorityClass', 'hubfleet-placeholder')).toMatchObject({
        value: -10,
        globalDefault: false,
        preemptionPolicy: 'Never',
      });
      expect(findManifest(manifests, 'PriorityClass', 'hubfleet-user')).toMatchObject({
        value: 0,
        globalDefault: false,
        preemptionPolicy: 'PreemptLowerPriority',
      });
    });
  });

  describe('placeholders', () => {
    const { manifests } = render('three-sizes.yaml');

    it('are pause pods of each size on their nodegroup, low priority, on the user scheduler', () => {
      const small = findManifest(manifests, 'Deployment', 'placeholder-small');
      expect(small.spec.replicas).toBe(20);
      const pod = small.spec.template.spec;
      expect(pod).toMatchObject({
        schedulerName: 'hubfleet-user-scheduler',
        priorityClassName: 'hubfleet-placeholder',
        terminationGracePeriodSeconds: 0,
        nodeSelector: { 'hubfleet.io/nodegroup': 'users' },
      });
      expect(pod.containers[0].image).toBe('registry.k8s.io/pause:3.10');
      expect(pod.containers[0].resources.requests).toEqual({ cpu: '100m', memory: '0.5G' });
    });

    it('hold a GPU when the size asks for one, and only then', () => {
      const gpu = findManifest(manifests, 'Deployment', 'placeholder-gpu').spec.template.spec;
      expect(gpu.containers[0].resources).toEqual({
        requests: { cpu: '2000m', memory: '8G', 'nvidia.com/gpu': '1' },
        limits: { cpu: '2000m', memory: '8G', 'nvidia.com/gpu': '1' },
      });
      expect(gpu.tolerations.map((toleration: { key: string }) => toleration.key)).toContain(
        'nvidia.com/gpu',
      );
      const large = findManifest(manifests, 'Deployment', 'placeholder-large').spec.template.spec;
      expect(large.containers[0].resources.requests).not.toHaveProperty('nvidia.com/gpu');
    });
  });

  describe('schedules', () => {
    const { manifests } = render('three-sizes.yaml');
    const cronJobs = manifests.filter((manifest) => manifest.kind === 'CronJob');

    it('raise at the schedule and lower back to the base replicas at every computed time', () => {
      const summary = cronJobs.map((cronJob) => ({
        name: cronJob.metadata.name,
        schedule: cronJob.spec.schedule,
        command: cronJob.spec.jobTemplate.spec.template.spec.containers[0].command.slice(1, 5),
      }));
      expect(summary).toEqual([
        {
          name: 'small-raise-0',
          schedule: '45 9 * * MON,WED',
          command: ['scale', 'deployment/placeholder-small', '--namespace=hubfleet-system', '--replicas=60'],
        },
        {
          name: 'small-lower-0-0',
          schedule: '45 11 * * MON,WED',
          command: ['scale', 'deployment/placeholder-small', '--namespace=hubfleet-system', '--replicas=20'],
        },
        {
          name: 'gpu-raise-1',
          schedule: '0 10,23 * * FRI',
          command: ['scale', 'deployment/placeholder-gpu', '--namespace=hubfleet-system', '--replicas=3'],
        },
        {
          name: 'gpu-lower-1-0',
          schedule: '0 12 * * FRI',
          command: ['scale', 'deployment/placeholder-gpu', '--namespace=hubfleet-system', '--replicas=1'],
        },
        {
          name: 'gpu-lower-1-1',
          schedule: '0 1 * * 6',
          command: ['scale', 'deployment/placeholder-gpu', '--namespace=hubfleet-system', '--replicas=1'],
        },
      ]);
      for (const cronJob of cronJobs) {
        expect(cronJob.spec).toMatchObject({ timeZone: 'Australia/Melbourne', concurrencyPolicy: 'Forbid' });
        expect(cronJob.spec.jobTemplate.spec.template.spec.serviceAccountName).toBe('placeholder-scaler');
      }
    });

    it('may scale only the scheduled placeholder Deployments', () => {
      const role = findManifest(manifests, 'Role', 'placeholder-scaler');
      expect(role.rules).toEqual([
        {
          apiGroups: ['apps'],
          resources: ['deployments'],
          resourceNames: ['placeholder-gpu', 'placeholder-small'],
          verbs: ['get'],
        },
        {
          apiGroups: ['apps'],
          resources: ['deployments/scale'],
          resourceNames: ['placeholder-gpu', 'placeholder-small'],
          verbs: ['get', 'patch', 'update'],
        },
      ]);
    });

    it('render nothing for the scaler when there are none', () => {
      const kinds = render().manifests.map((manifest) => `${manifest.kind}/${manifest.metadata.name}`);
      expect(
        kinds.filter((kind) => kind.includes('placeholder-scaler') || kind.startsWith('CronJob/')),
      ).toEqual([]);
    });
  });

  describe('values.schema.json and template checks', () => {
    it('reject a bad placeholder', () => {
      const error = renderError('invalid/bad-placeholder.yaml');
      expect(error).toContain("values don't meet the specifications of the schema");
      expect(error).toContain('placeholders.0: memory is required');
      expect(error).toContain("placeholders.0.cpu: Does not match pattern '^([0-9]+m|[0-9]+(\\.[0-9]+)?)$'");
    });

    it('reject a placeholder name too long for its CronJob names', () => {
      const name = 'a'.repeat(41);
      const error = renderError('three-sizes.yaml', [`placeholders[0].name=${name}`]);
      expect(error).toContain('placeholders.0.name: String length must be less than or equal to 40');
    });

    it('reject a schedule for a placeholder that does not exist', () => {
      expect(renderError('invalid/unknown-placeholder-schedule.yaml')).toContain(
        'schedules: placeholder "large" is not in placeholders',
      );
    });

    it('reject placeholders that users could not preempt', () => {
      expect(renderError('invalid/inverted-priorities.yaml')).toContain(
        'user.value must be greater than placeholder.value',
      );
    });

    it('reject a floating image tag', () => {
      expect(renderError('three-sizes.yaml', ['pauseImage.tag=latest'])).toContain('pauseImage.tag');
    });
  });
});
