import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sshPinned, sshRun } from '../ssh/test-ssh.js';
import { type NectarVmSim, startNectarVmSim } from './nectar-vm-sim.js';

const run = promisify(execFile);
// biome-ignore lint/suspicious/noExplicitAny: the OpenStack answers a test reads, untyped on purpose
type Json = Record<string, any>;

/** The cloud as a provider sees it: a Keystone token, then Nova, Neutron and Cinder over HTTP. */
async function client(sim: NectarVmSim) {
  const { credentials, services } = sim.cloud;
  const auth = await fetch(`${credentials.auth_url}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: {
            id: credentials.application_credential_id,
            secret: credentials.application_credential_secret,
          },
        },
      },
    }),
  });
  const token = auth.headers.get('x-subject-token') ?? '';
  const project = sim.cloud.nova.fake.settings.projectId;
  const call = async (base: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        'x-auth-token': token,
        'openstack-api-version': 'compute 2.79',
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as Json };
  };
  return {
    nova: (method: string, path: string, body?: unknown) => call(`${services.nova}/v2.1`, method, path, body),
    neutron: (method: string, path: string, body?: unknown) =>
      call(`${services.neutron}/v2.0`, method, path, body),
    cinder: (method: string, path: string, body?: unknown) =>
      call(`${services.cinder}/v3/${project}`, method, path, body),
  };
}

type Client = Awaited<ReturnType<typeof client>>;

describe('NeCTAR sim: a real sshd VM behind every ACTIVE server, following Nova and Neutron', {
  timeout: 180_000,
}, () => {
  let directory: string;
  let sim: NectarVmSim;
  let api: Client;
  let imageRef: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'hubfleet-nectar-vm-sim-'));
    sim = await startNectarVmSim({ stateDirectory: directory, speed: 1000 });
    api = await client(sim);
    imageRef = Object.values(sim.cloud.glance.state.images).find((image) =>
      image.name.includes('Ubuntu 24.04'),
    )?.id as string;
    expect(
      (
        await api.nova('POST', '/os-keypairs', {
          keypair: { name: 'course', public_key: sim.fleet.keyPair.publicKey },
        })
      ).status,
    ).toBe(201);
  });

  afterAll(async () => {
    await sim?.close();
    await rm(directory, { recursive: true, force: true });
  });

  async function createServer(name: string, networks: unknown = 'auto'): Promise<string> {
    const created = await api.nova('POST', '/servers', {
      server: { name, flavorRef: 'm3.small', imageRef, key_name: 'course', networks },
    });
    expect(created.status).toBe(202);
    return created.body.server.id as string;
  }

  async function serverStatus(id: string): Promise<string> {
    return (await api.nova('GET', `/servers/${id}`)).body.server?.status ?? 'gone';
  }

  /** Poll Nova as a provider does, until ACTIVE; the server's detail then. */
  async function active(id: string): Promise<Json> {
    await expect.poll(() => serverStatus(id), { timeout: 60_000, interval: 50 }).toBe('ACTIVE');
    return (await api.nova('GET', `/servers/${id}`)).body.server;
  }

  /** The console's host key block, as a provider waits for it. */
  async function consoleKeys(id: string): Promise<{ fingerprints: string[]; keys: string[] }> {
    let output = '';
    await expect
      .poll(
        async () => {
          output =
            (await api.nova('POST', `/servers/${id}/action`, { 'os-getConsoleOutput': {} })).body.output ??
            '';
          return output.includes('-----END SSH HOST KEY KEYS-----');
        },
        { timeout: 60_000, interval: 50 },
      )
      .toBe(true);
    const between = (start: string, end: string) =>
      output
        .slice(output.indexOf(start) + start.length, output.indexOf(end))
        .trim()
        .split('\n');
    return {
      fingerprints: between(
        '-----BEGIN SSH HOST KEY FINGERPRINTS-----',
        'ec2: -----END SSH HOST KEY FINGERPRINTS-----',
      ).map((line) => line.replace(/^ec2: /, '')),
      keys: between('-----BEGIN SSH HOST KEY KEYS-----', '-----END SSH HOST KEY KEYS-----'),
    };
  }

  it('boots the VM on the address Nova shows, prints its real host key on the console, and stops it on delete', async () => {
    const id = await createServer('course-cp');
    const server = await active(id);
    const addresses = Object.values(server.addresses as Record<string, { addr: string }[]>).flat();
    expect(addresses).toHaveLength(1);
    const address = addresses[0]?.addr ?? '';
    expect(address).toMatch(/^127\.\d+\.\d+\.\d+$/);
    const vm = sim.vmOf(id);
    expect(vm?.address).toBe(address);

    const console = await consoleKeys(id);
    expect(console.keys).toEqual([vm?.hostPublicKey]);
    const keyFile = join(directory, 'host-key.pub');
    await writeFile(keyFile, `${console.keys[0]}\n`);
    const { stdout } = await run('ssh-keygen', ['-l', '-f', keyFile]);
    expect(console.fingerprints).toEqual([stdout.trim()]);

    const ssh = await sshPinned({
      host: address,
      privateKey: sim.fleet.keyPair.privateKey,
      hostPublicKey: console.keys[0] ?? '',
    });
    expect((await sshRun(ssh, 'hostname')).stdout).toBe('course-cp');
    ssh.dispose();

    expect((await api.nova('DELETE', `/servers/${id}`)).status).toBe(204);
    await expect.poll(() => sim.vmOf(id), { timeout: 30_000, interval: 50 }).toBeUndefined();
    await expect(
      sshPinned({
        host: address,
        privateKey: sim.fleet.keyPair.privateKey,
        hostPublicKey: console.keys[0] ?? '',
      }),
    ).rejects.toThrow();
  });

  it('has no VM for a build that fails or hangs, and none for a server lost out of band', async () => {
    sim.scriptBuilds(['error', 'stuck']);
    const failed = await createServer('course-failed');
    const stuck = await createServer('course-stuck');
    await expect.poll(() => serverStatus(failed), { timeout: 30_000, interval: 50 }).toBe('ERROR');
    expect(sim.vmOf(failed)).toBeUndefined();
    await sim.sync();
    expect(await serverStatus(stuck)).toBe('BUILD');
    expect(sim.vmOf(stuck)).toBeUndefined();

    const lost = await createServer('course-lost');
    await active(lost);
    expect(sim.vmOf(lost)).toBeDefined();
    await sim.loseServer(lost);
    expect(await serverStatus(lost)).toBe('gone');
    expect(sim.vmOf(lost)).toBeUndefined();
    for (const id of [failed, stuck]) await api.nova('DELETE', `/servers/${id}`);
  });

  it('reaches a VM on a private network through its floating IP, forwarded to exactly that VM', async () => {
    const external = Object.values(sim.cloud.neutron.state.networks).find(
      (network) => network.name === 'melbourne',
    );
    const network = (await api.neutron('POST', '/networks', { network: { name: 'course-net' } })).body
      .network;
    const subnet = (
      await api.neutron('POST', '/subnets', { subnet: { network_id: network.id, cidr: '192.168.20.0/24' } })
    ).body.subnet;
    const router = (
      await api.neutron('POST', '/routers', {
        router: { name: 'course-router', external_gateway_info: { network_id: external?.id } },
      })
    ).body.router;
    await api.neutron('PUT', `/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id });
    const id = await createServer('course-private', [{ uuid: network.id }]);
    await active(id);
    const port = (await api.neutron('GET', `/ports?device_id=${id}`)).body.ports[0];
    const floating = (
      await api.neutron('POST', '/floatingips', { floatingip: { floating_network_id: external?.id } })
    ).body.floatingip;
    expect(floating.floating_ip_address).toMatch(/^127\./);
    await api.neutron('PUT', `/floatingips/${floating.id}`, { floatingip: { port_id: port.id } });
    const addresses = Object.values(
      (await api.nova('GET', `/servers/${id}`)).body.server.addresses,
    ).flat() as Json[];
    expect(addresses.map((entry) => entry['OS-EXT-IPS:type'])).toEqual(['fixed', 'floating']);
    expect(addresses[1]?.addr).toBe(floating.floating_ip_address);

    const { keys } = await consoleKeys(id);
    await sim.sync();
    const ssh = await sshPinned({
      host: floating.floating_ip_address,
      privateKey: sim.fleet.keyPair.privateKey,
      hostPublicKey: keys[0] ?? '',
    });
    expect((await sshRun(ssh, 'hostname')).stdout).toBe('course-private');
    ssh.dispose();
  });

  it('shows an attached volume at /dev/disk/by-id and keeps its filesystem for the next server it is attached to', async () => {
    const volume = (await api.cinder('POST', '/volumes', { volume: { size: 1, name: 'course-home' } })).body
      .volume;
    await expect
      .poll(async () => (await api.cinder('GET', `/volumes/${volume.id}`)).body.volume.status, {
        timeout: 30_000,
      })
      .toBe('available');
    const disk = `/dev/disk/by-id/virtio-${String(volume.id).slice(0, 20)}`;

    async function storageServer(name: string) {
      const id = await createServer(name);
      await active(id);
      const attach = await api.nova('POST', `/servers/${id}/os-volume_attachments`, {
        volumeAttachment: { volumeId: volume.id },
      });
      expect(attach.status).toBe(200);
      const { keys } = await consoleKeys(id);
      const address = sim.vmOf(id)?.address ?? '';
      const ssh = await sshPinned({
        host: address,
        privateKey: sim.fleet.keyPair.privateKey,
        hostPublicKey: keys[0] ?? '',
      });
      await expect
        .poll(async () => (await sshRun(ssh, `test -L ${disk} && echo there`)).stdout, { timeout: 30_000 })
        .toBe('there');
      return { id, ssh };
    }

    const first = await storageServer('course-storage');
    const format = `blkid -s UUID -o value ${disk} >/dev/null || sudo mkfs.ext4 ${disk} >/dev/null; sudo mkdir -p /srv/homes; mountpoint -q /srv/homes || sudo mount UUID=$(blkid -s UUID -o value ${disk}) /srv/homes`;
    expect(
      (
        await sshRun(
          first.ssh,
          `${format} && echo kept | sudo tee /srv/homes/file >/dev/null && blkid -s UUID -o value ${disk}`,
        )
      ).code,
    ).toBe(0);
    const uuid = (await sshRun(first.ssh, `blkid -s UUID -o value ${disk}`)).stdout;
    first.ssh.dispose();
    await api.nova('DELETE', `/servers/${first.id}`);
    await expect
      .poll(async () => (await api.cinder('GET', `/volumes/${volume.id}`)).body.volume.status, {
        timeout: 30_000,
      })
      .toBe('available');

    const second = await storageServer('course-storage');
    const again = await sshRun(
      second.ssh,
      `${format} && cat /srv/homes/file && blkid -s UUID -o value ${disk}`,
    );
    expect(again.stdout.split('\n')).toEqual(['kept', uuid]);
    // Formatted once, by the first server: the volume's own record, not the VM's.
    expect(await readFile(join(sim.fleet.directory, 'volumes', volume.id, 'formats'), 'utf8')).toBe('x\n');
    second.ssh.dispose();
  });
});
