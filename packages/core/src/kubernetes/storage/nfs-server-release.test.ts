import { describe, expect, it } from 'vitest';
import { registry } from '../../../test/fixture-provider.js';
import type { HubfleetConfig } from '../../config/deployment.js';
import type { HubConfig } from '../../config/hub.js';
import { validateConfigText } from '../../config/load.js';
import { HubfleetError } from '../../errors/index.js';
import { NO_PROVISIONED_FACTS } from '../provisioned.js';
import { hubStorageMounts } from './hub-storage-mounts.js';
import { nfsClusterIp } from './nfs-cluster-ip.js';
import { nfsServerRelease } from './nfs-server-release.js';

/** EKS's usual range (VPC outside 10.0.0.0/8). */
const EKS = { serviceCidr: '10.100.0.0/16' };

const CONFIG = `apiVersion: hubfleet/v1
name: demo
provider: { kind: fixture, region: here }
cluster:
  nodeGroups:
    - { name: core, role: core, instanceType: small, min: 1, max: 2, taints: [{ key: dedicated, value: core, effect: NoSchedule }] }
    - { name: users, role: users, instanceType: large, min: 0, max: 5 }
ingress: { host: hub.example.edu, tls: { mode: letsencrypt, email: ops@example.edu } }
hubs:
  - name: course
    auth: { type: native, admins: [admin] }
    storage: { home: shared-nfs, size: 100G, sharedDir: true }
  - name: lab
    auth: { type: native, admins: [admin] }
    storage: { home: per-user-volume, size: 10Gi }
`;

function load(text: string): HubfleetConfig {
  const result = validateConfigText(text, { registry, file: 'hubfleet.yaml', checkSecrets: false });
  if (!result.config) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.config;
}

const config = load(CONFIG);
const [course, lab] = config.hubs as [HubConfig, HubConfig];

describe('nfsServerRelease', () => {
  it('is a release of the local nfs-server chart named after the hub, in its namespace', () => {
    const release = nfsServerRelease(config, course, NO_PROVISIONED_FACTS, EKS);
    expect(release).toMatchObject({
      release: 'course-nfs',
      namespace: 'course',
      chart: 'charts/nfs-server',
      repository: 'local',
      version: '0.1.0',
      dependsOn: [],
    });
  });

  it('has no release for a per-user-volume hub', () => {
    expect(nfsServerRelease(config, lab, NO_PROVISIONED_FACTS, EKS)).toBeUndefined();
    expect(hubStorageMounts(lab)).toBeUndefined();
  });

  it('fills provisioned placeholders while the volume does not exist yet (render)', () => {
    const values = nfsServerRelease(config, course, NO_PROVISIONED_FACTS, EKS)?.values;
    expect(values).toMatchObject({
      hub: 'course',
      mode: 'server',
      volume: {
        csiDriver: "<provisioned: CSI driver of hub course's volume>",
        volumeHandle: '<provisioned: volume id of hub course>',
        fsType: 'ext4',
        zone: '',
      },
      service: { clusterIP: nfsClusterIp(config, course, EKS.serviceCidr) },
    });
  });

  it("mounts the provider's block volume, pinned to its zone", () => {
    const facts = {
      volumes: { course: { csiDriver: 'ebs.csi.aws.com', volumeHandle: 'vol-0abc', zone: 'us-west-2a' } },
    };
    const release = nfsServerRelease(config, course, facts, EKS);
    expect(release?.values).toMatchObject({
      mode: 'server',
      volume: { csiDriver: 'ebs.csi.aws.com', volumeHandle: 'vol-0abc', zone: 'us-west-2a' },
    });
    expect(release?.reason).toContain(nfsClusterIp(config, course, EKS.serviceCidr));
  });

  it('points at an existing NFS export instead of running a server (NeCTAR)', () => {
    const facts = { volumes: { course: { nfsExport: { server: '10.0.0.5', path: '/export/course' } } } };
    const values = nfsServerRelease(config, course, facts, EKS)?.values ?? {};
    expect(values).toMatchObject({
      mode: 'external',
      external: { server: '10.0.0.5', path: '/export/course' },
    });
    expect(values).not.toHaveProperty('service');
    expect(values).not.toHaveProperty('volume');
  });

  it('uses the Service CIDR and live addresses it is given', () => {
    const fresh = nfsServerRelease(config, course, NO_PROVISIONED_FACTS, { serviceCidr: '172.20.0.0/16' });
    expect(fresh?.values).toMatchObject({ service: { clusterIP: expect.stringMatching(/^172\.20\.0\./) } });
    const live = nfsServerRelease(config, course, NO_PROVISIONED_FACTS, {
      ...EKS,
      liveClusterIps: { course: '10.100.0.77' },
    });
    expect(live?.values).toMatchObject({ service: { clusterIP: '10.100.0.77' } });
  });

  it('places the server on the core nodegroup and sizes the volumes in whole GiB', () => {
    const values = nfsServerRelease(config, course, NO_PROVISIONED_FACTS, EKS)?.values;
    expect(values).toMatchObject({
      size: '94Gi',
      placement: {
        nodeSelector: { 'hubfleet.io/nodegroup': 'core' },
        tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'core', effect: 'NoSchedule' }],
      },
      layout: { homes: { path: 'home' }, sharedDir: { enabled: true, path: 'shared' } },
    });
  });

  it('refuses an attachment with neither a CSI volume nor an export (a provider bug)', () => {
    const facts = { volumes: { course: { zone: 'us-west-2a' } } };
    expect(() => nfsServerRelease(config, course, facts, EKS)).toThrow(HubfleetError);
    expect(() => nfsServerRelease(config, course, facts, EKS)).toThrow(
      expect.objectContaining({ kind: 'internal', hint: expect.stringContaining('provider bug') }),
    );
  });
});

describe('hubStorageMounts', () => {
  it("names the release's claim and per-user and shared sub-paths", () => {
    expect(hubStorageMounts(course)).toEqual({
      claimName: 'course-nfs-home',
      homeSubPath: 'home/{username}',
      homeMountPath: '/home/jovyan',
      sharedDir: { subPath: 'shared', mountPath: '/home/jovyan/shared' },
    });
  });

  it('has no shared directory unless the hub asks for one', () => {
    const plain = { ...course, storage: { ...course.storage, sharedDir: false } };
    expect(hubStorageMounts(plain)).not.toHaveProperty('sharedDir');
  });
});
