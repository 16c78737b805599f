import { X509Certificate } from 'node:crypto';
import { clientIdentity, createCertificateRequest } from '@hubfleet/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getClusterCertificateAuthority, signClusterCertificate } from '../src/magnum/magnum-certificates.js';
import { createCluster } from '../src/magnum/magnum-clusters.js';
import { type FakeWorld, startFakeWorld } from './fake-world.js';
import { MINUTE, magnumClient, startMagnum } from './magnum-world.js';

let world: FakeWorld;
let templateId: string;
beforeEach(async () => {
  world = await startFakeWorld();
  ({ templateId } = await startMagnum(world));
});
afterEach(() => world.close());

describe('Magnum certificates through the client', () => {
  it('signs an admin CSR with the cluster CA, as `openstack coe cluster config` needs', async () => {
    const magnum = await magnumClient(world);
    const cluster = await createCluster(magnum, { name: 'tls', cluster_template_id: templateId });
    world.clock.advance(14 * MINUTE);
    const caPem = await getClusterCertificateAuthority(magnum, cluster);
    expect(await getClusterCertificateAuthority(magnum, 'tls')).toBe(caPem);
    const { csrPem } = await createCertificateRequest({
      commonName: 'admin',
      organizations: ['system:masters'],
    });
    const certificatePem = await signClusterCertificate(magnum, cluster, csrPem);
    const certificate = new X509Certificate(certificatePem);
    const authority = new X509Certificate(caPem);
    expect(certificate.verify(authority.publicKey)).toBe(true);
    expect(certificate.issuer).toBe(authority.subject);
    expect(clientIdentity(certificatePem)).toEqual({ user: 'admin', groups: ['system:masters'] });
  });

  it('refuses a CSR that is not one (400) and an unknown cluster (404)', async () => {
    const magnum = await magnumClient(world);
    const cluster = await createCluster(magnum, { name: 'tls', cluster_template_id: templateId });
    await expect(
      signClusterCertificate(
        magnum,
        cluster,
        '-----BEGIN CERTIFICATE REQUEST-----\nnope\n-----END CERTIFICATE REQUEST-----\n',
      ),
    ).rejects.toMatchObject({
      kind: 'invalid-config',
      status: 400,
    });
    await expect(
      getClusterCertificateAuthority(magnum, '0b4b766f-1500-44b3-9804-5a6e12fe6df4'),
    ).rejects.toMatchObject({
      kind: 'not-found',
      status: 404,
    });
  });
});
