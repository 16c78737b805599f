import {
  createFloatingIp,
  createLoadBalancer,
  createPort,
  getFloatingIp,
  listFloatingIps,
  listLoadBalancers,
} from '@hubfleet/openstack-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLUSTER,
  type EdgeWorld,
  FLOATING_IP,
  HOST,
  startEdgeWorld,
  stfcConfig,
} from '../../test/edge-world.js';
import {
  FLOATING_IP_ANNOTATION,
  ingressFloatingIp,
  KEEP_FLOATING_IP_ANNOTATION,
} from './floating-ip-resource.js';

let world: EdgeWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const INGRESS_LB = `kube_service_${CLUSTER.id}_ingress-nginx_ingress-nginx-controller`;

function mutating(w: EdgeWorld): number {
  return w.callLog.calls.filter(
    (call) => call.mutating && call.service !== 'keystone' && call.service !== 'kubernetes',
  ).length;
}

describe('floating-ip/ingress', () => {
  it('associates the configured floating IP with the ingress load balancer as soon as Octavia has it, and reports the DNS target', async () => {
    world = await startEdgeWorld();
    const w = world;
    const id = await w.allocateFloatingIp(FLOATING_IP);
    const resource = ingressFloatingIp(w.deps());
    if (resource === undefined) throw new Error('expected the resource');
    expect(resource).toMatchObject({
      name: 'ingress',
      kind: 'floating-ip',
      dependsOn: ['cluster'],
      requiredBy: ['hubs'],
    });
    const context = w.context();
    const held = await resource.observe(context);
    expect(held).toMatchObject({ address: FLOATING_IP, floatingIpId: id, strays: [] });
    expect(held?.loadBalancer).toBeUndefined();
    expect(resource.diff(held)).toMatchObject({ action: 'create' });
    expect(resource.diff(undefined)).toMatchObject({ action: 'create' });

    // The step runs beside the ingress-nginx release: it waits for the load balancer to appear.
    const applying = resource.apply('create', context);
    await w.createIngressService();
    await applying;

    const [lb] = await listLoadBalancers(w.loadBalancer, { name: INGRESS_LB });
    const floating = await getFloatingIp(w.network, id);
    expect(floating).toMatchObject({ portId: lb?.vipPortId, status: 'ACTIVE' });
    const observed = await resource.observe(context);
    expect(observed).toMatchObject({ address: FLOATING_IP, loadBalancer: INGRESS_LB, strays: [] });
    expect(resource.ready?.(observed as never)).toBe(true);
    expect(resource.diff(observed)).toEqual({
      action: 'noop',
      reason: `${FLOATING_IP} on ${INGRESS_LB}: point ${HOST} A ${FLOATING_IP}`,
    });
    const service = await w.access.get({
      apiVersion: 'v1',
      kind: 'Service',
      namespace: 'ingress-nginx',
      name: 'ingress-nginx-controller',
    });
    expect(service?.metadata.annotations).toMatchObject({
      [FLOATING_IP_ANNOTATION]: FLOATING_IP,
      [KEEP_FLOATING_IP_ANNOTATION]: 'true',
    });
    // The annotation made the cloud controller look again: the Service now reports the floating IP.
    const [refreshed] = await w.access.list('v1', 'Service', { namespace: 'ingress-nginx' });
    expect(refreshed?.status).toMatchObject({ loadBalancer: { ingress: [{ ip: FLOATING_IP }] } });

    // Converged: doing it again changes nothing in the cloud.
    const before = mutating(w);
    await resource.apply('update', context);
    expect(mutating(w)).toBe(before);
  });

  it('releases the floating IP the cloud controller attached at random and takes the VIP port for the configured one', async () => {
    world = await startEdgeWorld();
    const w = world;
    const id = await w.allocateFloatingIp(FLOATING_IP);
    await w.createIngressService();
    const lb = await w
      .deps()
      .cluster()
      .then(async () => {
        for (;;) {
          w.clock.advance(1_000);
          w.kubernetes.fake.reconcile();
          const [found] = await listLoadBalancers(w.loadBalancer, { name: INGRESS_LB });
          if (found !== undefined) return found;
        }
      });
    // What cloud-provider-openstack does with a floating network configured (Magnum's default).
    const random = await createFloatingIp(w.network, {
      floatingNetworkId: w.publicNetworkId,
      portId: lb.vipPortId,
      description: `Floating IP for Kubernetes external service ingress-nginx/ingress-nginx-controller from cluster ${CLUSTER.id}`,
    });
    const resource = ingressFloatingIp(w.deps());
    if (resource === undefined) throw new Error('expected the resource');
    const context = w.context();
    expect((await resource.observe(context))?.loadBalancer).toBeUndefined();
    await resource.apply('create', context);
    expect(await getFloatingIp(w.network, id)).toMatchObject({ portId: lb.vipPortId });
    expect((await listFloatingIps(w.network)).map((floating) => floating.floatingIpAddress)).toEqual([
      FLOATING_IP,
    ]);
    expect(random.floatingIpAddress).not.toBe(FLOATING_IP);

    // An address someone attached by hand (not the controller's) is only taken off the port, never released.
    const other = await w.allocateFloatingIp('130.246.0.99', 'kept by the operator');
    await w.network.request({
      method: 'PUT',
      path: `/floatingips/${id}`,
      body: { floatingip: { port_id: null } },
    });
    await w.network.request({
      method: 'PUT',
      path: `/floatingips/${other}`,
      body: { floatingip: { port_id: lb.vipPortId } },
    });
    const drifted = await resource.observe(context);
    expect(drifted?.loadBalancer).toBeUndefined();
    expect(resource.diff(drifted)).toMatchObject({ action: 'create' });
    await resource.apply('update', context);
    expect(await getFloatingIp(w.network, other)).toMatchObject({
      portId: null,
      floatingIpAddress: '130.246.0.99',
    });
    expect(await resource.observe(context)).toMatchObject({ strays: [] });
  });

  it('allocates the configured address on the external network whose range has it, where the cloud allows', async () => {
    world = await startEdgeWorld();
    const w = world;
    const resource = ingressFloatingIp(w.deps());
    if (resource === undefined) throw new Error('expected the resource');
    await w.createIngressService();
    await resource.apply('create', w.context());
    const [floating] = await listFloatingIps(w.network, { floatingIpAddress: FLOATING_IP });
    expect(floating).toMatchObject({
      floatingNetworkId: w.publicNetworkId,
      description: 'hubfleet: ingress address of deployment jupyter-prod',
      status: 'ACTIVE',
    });
    expect(await resource.observe(w.context())).toMatchObject({ address: FLOATING_IP, strays: [] });
  });

  it('associates while Octavia is still building the load balancer (PENDING_CREATE), as seed 002 did by hand', async () => {
    world = await startEdgeWorld();
    const w = world;
    const id = await w.allocateFloatingIp(FLOATING_IP);
    // The cloud controller's first call: the load balancer, which stays PENDING_CREATE while an amphora boots.
    const building = await createLoadBalancer(w.loadBalancer, {
      name: INGRESS_LB,
      vip_subnet_id: w.subnetId,
      description: `Kubernetes external service ingress-nginx/ingress-nginx-controller from cluster ${CLUSTER.id}`,
    });
    expect(building.provisioningStatus).toBe('PENDING_CREATE');
    const resource = ingressFloatingIp(w.deps());
    if (resource === undefined) throw new Error('expected the resource');
    await resource.apply('create', w.context());
    const [lb] = await listLoadBalancers(w.loadBalancer, { name: INGRESS_LB });
    expect(lb?.provisioningStatus).toBe('PENDING_CREATE');
    expect(await getFloatingIp(w.network, id)).toMatchObject({ portId: building.vipPortId });
  });

  it('refuses an address no external network has, or one serving something that is not this cluster; says when the load balancer never comes', async () => {
    world = await startEdgeWorld();
    const w = world;
    const elsewhere = ingressFloatingIp(
      w.deps({ config: stfcConfig({ provider: { floatingIp: '192.0.2.10' } }) }),
    );
    await expect(elsewhere?.apply('create', w.context())).rejects.toMatchObject({
      kind: 'invalid-config',
      subject: 'provider.floatingIp',
      message:
        'the floating IP 192.0.2.10 is not allocated in this project, and no external network of this cloud has it in its range',
      hint: expect.stringContaining('openstack floating ip create --floating-ip-address 192.0.2.10'),
    });
    const resource = ingressFloatingIp(w.deps());
    if (resource === undefined) throw new Error('expected the resource');

    const id = await w.allocateFloatingIp(FLOATING_IP);
    const server = await createPort(w.network, {
      network_id: await w.network
        .request({ method: 'GET', path: `/subnets/${w.subnetId}` })
        .then((r) => (r.body as { subnet: { network_id: string } }).subnet.network_id),
      name: 'someone-elses-vm',
    });
    await w.network.request({
      method: 'PUT',
      path: `/floatingips/${id}`,
      body: { floatingip: { port_id: server.id } },
    });
    await expect(resource.apply('create', w.context())).rejects.toMatchObject({
      kind: 'unavailable',
      message: `Octavia has no load balancer for Service ingress-nginx/ingress-nginx-controller of cluster jupyter-prod yet, so ${FLOATING_IP} was not associated`,
    });
    await w.createIngressService();
    await expect(resource.apply('create', w.context())).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining(`is associated with port ${server.id}`),
    });
    expect(await getFloatingIp(w.network, id)).toMatchObject({ portId: server.id });
  });

  it('holds data: kept by down, released only with onDelete: delete and --delete-data, and only when hubfleet allocated it', async () => {
    world = await startEdgeWorld();
    const w = world;
    const base = stfcConfig();
    const deleting = {
      ...base,
      hubs: base.hubs.map((hub) => ({ ...hub, storage: { ...hub.storage, onDelete: 'delete' as const } })),
    };
    const keeper = ingressFloatingIp(w.deps());
    const releaser = ingressFloatingIp(w.deps({ config: deleting }));
    if (keeper === undefined || releaser === undefined) throw new Error('expected the resource');
    await w.createIngressService();
    await releaser.apply('create', w.context());
    const allocated = await keeper.observe(w.context());
    if (allocated === undefined) throw new Error('expected the floating IP');
    expect(allocated).toMatchObject({ allocatedByHubfleet: true, loadBalancer: INGRESS_LB });

    // The example's hubs retain their data: the address is kept whatever the flags.
    expect(keeper.holdsData?.(allocated)).toMatchObject({
      what: `the floating IP ${FLOATING_IP} that ${HOST}'s DNS points at`,
      onDelete: 'retain',
      keptBecause: expect.stringContaining('not every hub has storage.onDelete: delete'),
    });
    // Every hub says delete: released, but only by apply('delete'), which core calls with --delete-data.
    expect(releaser.holdsData?.(allocated)).toEqual({
      what: `the floating IP ${FLOATING_IP} that ${HOST}'s DNS points at`,
      onDelete: 'delete',
    });
    await releaser.apply('delete', w.context());
    expect(await listFloatingIps(w.network, { floatingIpAddress: FLOATING_IP })).toEqual([]);
    expect(await releaser.observe(w.context())).toBeUndefined();
    await releaser.apply('delete', w.context()); // idempotent once gone

    // An address the project held before hubfleet is never released, not even by a delete.
    const id = await w.allocateFloatingIp(FLOATING_IP, 'prepared by the operator');
    await releaser.apply('create', w.context());
    const prepared = await releaser.observe(w.context());
    if (prepared === undefined) throw new Error('expected the floating IP');
    expect(prepared).toMatchObject({ allocatedByHubfleet: false, loadBalancer: INGRESS_LB });
    expect(releaser.holdsData?.(prepared)).toMatchObject({
      onDelete: 'retain',
      keptBecause: 'the project held it before hubfleet (not allocated by hubfleet)',
    });
    await releaser.apply('delete', w.context());
    expect(await getFloatingIp(w.network, id)).toMatchObject({ floatingIpAddress: FLOATING_IP });

    expect(
      ingressFloatingIp(w.deps({ config: stfcConfig({ provider: { floatingIp: undefined } }) })),
    ).toBeUndefined();
  });
});
