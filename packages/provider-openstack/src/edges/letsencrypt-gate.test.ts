import { APPLIED_HASH_ANNOTATION } from '@hubfleet/core/deployment';
import { standInDefinition } from '@hubfleet/core/kubernetes';
import { afterEach, describe, expect, it } from 'vitest';
import { type EdgeWorld, FLOATING_IP, HOST, startEdgeWorld, stfcConfig } from '../../test/edge-world.js';
import { GATE_CONFIG_MAP, letsEncryptGate } from './letsencrypt-gate.js';

let world: EdgeWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const CERTIFICATE = {
  apiVersion: 'cert-manager.io/v1',
  kind: 'Certificate',
  namespace: 'ingress-nginx',
  name: 'hubfleet-tls',
};

function gate(w: EdgeWorld, overrides: Parameters<EdgeWorld['deps']>[0] = {}) {
  const resource = letsEncryptGate(w.deps({ dnsWaitMs: 10_000, ...overrides }));
  if (resource === undefined) throw new Error('expected the gate (letsencrypt)');
  return resource;
}

describe('acme/letsencrypt', () => {
  it('comes before cert-manager, after the floating IP, and only with letsencrypt', async () => {
    world = await startEdgeWorld();
    expect(gate(world)).toMatchObject({
      kind: 'acme',
      name: 'letsencrypt',
      dependsOn: ['resource:ingress'],
      requiredBy: ['tool:cert-manager'],
    });
    expect(gate(world, { config: stfcConfig({ provider: { floatingIp: undefined } }) }).dependsOn).toEqual([
      'tool:ingress-nginx',
    ]);
    expect(letsEncryptGate(world.deps({ config: stfcConfig({ tls: 'none' }) }))).toBeUndefined();
  });

  it('waits until the host resolves to the floating IP, looked up in DNS, and lets cert-manager go only then', async () => {
    world = await startEdgeWorld();
    const w = world;
    let polls = 0;
    const resource = gate(w, {
      sleep: async (ms) => {
        w.clock.advance(ms);
        polls += 1;
        if (polls === 2) w.dns.setRecords(HOST, ['130.246.0.77']);
        if (polls === 4) w.dns.setRecords(HOST, [FLOATING_IP]);
      },
    });
    const context = w.context();
    expect(await resource.observe(context)).toBeUndefined();
    expect(resource.diff(undefined).reason).toBe(
      `ask Let's Encrypt only once ${HOST} resolves to ${FLOATING_IP}`,
    );
    await resource.apply('create', context);
    expect(polls).toBe(4);
    // The record says since when the host resolves here: the fifth look, after four polls of a second.
    const since = new Date(Date.parse('2026-12-02T06:00:00Z') + 4_000).toISOString();
    expect((await w.access.get({ apiVersion: 'v1', kind: 'ConfigMap', ...GATE_CONFIG_MAP }))?.data).toEqual({
      host: HOST,
      address: FLOATING_IP,
      resolvedAt: since,
    });
    expect(w.dns.queries).toContain(`${HOST} A`);
    const observed = await resource.observe(context);
    expect(observed).toMatchObject({
      host: HOST,
      expected: FLOATING_IP,
      resolved: [FLOATING_IP],
      certificate: 'none',
      resolvedAt: since,
    });
    expect(resource.ready?.(observed as never)).toBe(true);
    expect(resource.diff(observed)).toEqual({ action: 'noop', reason: `${HOST} resolves to ${FLOATING_IP}` });

    // DNS moved away later: the next up says so.
    w.dns.setRecords(HOST, ['130.246.0.77']);
    expect(resource.diff(await resource.observe(context))).toMatchObject({
      action: 'update',
      reason: `${HOST} must resolve to ${FLOATING_IP}: it resolves to 130.246.0.77`,
    });

    await resource.apply('delete', context);
    expect(await w.access.get({ apiVersion: 'v1', kind: 'ConfigMap', ...GATE_CONFIG_MAP })).toBeUndefined();
    expect(await resource.observe(context)).toBeUndefined();
  });

  it('says why when the DNS servers cannot be asked, instead of failing the plan', async () => {
    world = await startEdgeWorld();
    const resource = gate(world, {
      resolver: {
        addresses: async () => {
          throw new Error('could not look up jupyter.stfc.ac.uk at 1.1.1.1, 8.8.8.8 (ETIMEOUT)');
        },
      },
    });
    const context = world.context();
    await world.access.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { ...GATE_CONFIG_MAP },
      data: {},
    });
    expect(resource.diff(await resource.observe(context))).toMatchObject({
      action: 'update',
      reason: `${HOST} must resolve to ${FLOATING_IP}: could not look up jupyter.stfc.ac.uk at 1.1.1.1, 8.8.8.8 (ETIMEOUT)`,
    });
  });

  it('fails after its wait, naming the DNS record to make, without touching cert-manager', async () => {
    world = await startEdgeWorld();
    const resource = gate(world);
    await expect(resource.apply('create', world.context())).rejects.toMatchObject({
      kind: 'unavailable',
      retryable: false,
      subject: 'ingress.host',
      message: `${HOST} does not resolve to ${FLOATING_IP} (it resolves to nothing), so Let's Encrypt was not asked`,
      hint: `add the DNS record \`${HOST} A ${FLOATING_IP}\`, then run \`hubfleet up\` again`,
    });
    expect(
      await world.access.get({ apiVersion: 'v1', kind: 'ConfigMap', ...GATE_CONFIG_MAP }),
    ).toBeUndefined();
  });

  it("restarts a failed Let's Encrypt attempt once the host resolves, as core applies the Certificate", async () => {
    world = await startEdgeWorld();
    const w = world;
    await w.access.apply(standInDefinition('cert-manager.io/v1', 'Certificate'));
    await w.access.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ingress-nginx' } });
    // cert-manager tried before DNS pointed here, failed, and now waits an hour before trying again.
    await w.access.apply({
      apiVersion: CERTIFICATE.apiVersion,
      kind: CERTIFICATE.kind,
      metadata: { name: CERTIFICATE.name, namespace: CERTIFICATE.namespace },
      spec: { secretName: 'hubfleet-tls', dnsNames: [HOST] },
      status: {
        lastFailureTime: '2026-12-02T05:55:00Z',
        failedIssuanceAttempts: 1,
        conditions: [{ type: 'Ready', status: 'False', reason: 'Failed' }],
      },
    });
    expect((await w.access.get(CERTIFICATE))?.status).toMatchObject({ failedIssuanceAttempts: 1 });
    w.dns.setRecords(HOST, [FLOATING_IP]);
    const resource = gate(w);
    const context = w.context();
    await resource.apply('create', context);
    const restarted = await w.access.get(CERTIFICATE);
    expect(restarted?.status).toBeUndefined();
    expect(restarted?.spec).toMatchObject({
      secretName: 'hubfleet-tls',
      dnsNames: [HOST],
      issuerRef: { kind: 'ClusterIssuer', name: 'letsencrypt' },
    });
    expect(restarted?.metadata.annotations?.[APPLIED_HASH_ANNOTATION]).toMatch(/\S/);
    const observed = await resource.observe(context);
    expect(observed?.certificate).toBe('none');
    expect(resource.diff(observed).action).toBe('noop');

    // It fails again, now that DNS points here: cert-manager's own backoff decides, the gate only says so.
    w.clock.advance(30 * 60_000);
    await w.access.apply({
      apiVersion: CERTIFICATE.apiVersion,
      kind: CERTIFICATE.kind,
      metadata: { name: CERTIFICATE.name, namespace: CERTIFICATE.namespace },
      status: {
        lastFailureTime: new Date(w.clock.now()).toISOString(),
        failedIssuanceAttempts: 1,
        conditions: [{ type: 'Ready', status: 'False', reason: 'Failed' }],
      },
    });
    const failedSince = await resource.observe(context);
    expect(failedSince?.certificate).toBe('failed');
    expect(resource.diff(failedSince)).toMatchObject({
      action: 'noop',
      reason: expect.stringContaining('cert-manager retries on its own schedule'),
    });
    expect(resource.ready?.(failedSince as never)).toBe(true);
  });
});
