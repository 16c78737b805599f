import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubfleetError } from '@hubfleet/core';
import {
  createOpenStackSession,
  createServer,
  findFlavorByName,
  findImageByName,
  getConsoleOutput,
  getServer,
  importKeypair,
  loadOpenStackCredentials,
  parseConsoleHostKeys,
  type ServiceClient,
} from '@hubfleet/openstack-client';
import { type NectarVmSim, startNectarVmSim } from '@hubfleet/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinnedFingerprints } from './host-key-pin.js';
import { connectToVm } from './vm-connection.js';

describe("host keys pinned from Nova's console output, against the NeCTAR sim's real sshd VMs", {
  timeout: 180_000,
}, () => {
  let directory: string;
  let sim: NectarVmSim;
  let compute: ServiceClient;
  let flavorId: string;
  let imageId: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'hubfleet-nectar-console-'));
    sim = await startNectarVmSim({ stateDirectory: directory, speed: 1000 });
    const credentials = loadOpenStackCredentials({
      cloud: 'sim',
      env: { OS_CLIENT_CONFIG_FILE: sim.cloud.cloudsYamlFile },
      cwd: directory,
      home: directory,
    });
    const session = createOpenStackSession({ credentials, http: { sleep: async () => {} } });
    compute = await session.service('compute');
    const image = await findImageByName(
      await session.service('image'),
      'NeCTAR Ubuntu 24.04 LTS (Noble) amd64',
    );
    imageId = image?.id ?? '';
    flavorId = (await findFlavorByName(compute, 'm3.medium'))?.id ?? '';
    await importKeypair(compute, 'comp20003', sim.fleet.keyPair.publicKey);
  });

  afterAll(async () => {
    await sim?.close();
    await rm(directory, { recursive: true, force: true });
  });

  /** Boot a server and wait, as the provider does, until its console shows cloud-init's host keys. */
  async function bootServer(name: string): Promise<{ id: string; fingerprints: string[] }> {
    const { id } = await createServer(compute, {
      name,
      flavorRef: flavorId,
      imageRef: imageId,
      networks: 'auto',
      key_name: 'comp20003',
    });
    await expect.poll(async () => (await getServer(compute, id)).status, { timeout: 60_000 }).toBe('ACTIVE');
    let keys: ReturnType<typeof parseConsoleHostKeys>;
    await expect
      .poll(async () => (keys = parseConsoleHostKeys(await getConsoleOutput(compute, id))), {
        timeout: 60_000,
      })
      .toBeDefined();
    await sim.sync();
    return { id, fingerprints: pinnedFingerprints(keys?.fingerprints ?? []) };
  }

  it('reaches the VM whose host key the console printed, as the image user with the key pair', async () => {
    const server = await bootServer('comp20003-jh-cp');
    const vm = sim.vmOf(server.id);
    expect(vm).toBeDefined();
    expect(server.fingerprints).toHaveLength(1);
    const connection = await connectToVm({
      vm: 'comp20003-jh-cp',
      host: vm?.address ?? '',
      username: 'ubuntu',
      privateKey: sim.fleet.keyPair.privateKey,
      fingerprints: server.fingerprints,
    });
    expect((await connection.exec('hostname')).stdout).toBe('comp20003-jh-cp');
    connection.close();
  });

  it("refuses a VM answering with another server's host key (exit 3), naming both fingerprints", async () => {
    const first = await bootServer('comp20003-jh-compute-0');
    const second = await bootServer('comp20003-jh-compute-1');
    const attempt = connectToVm({
      vm: 'comp20003-jh-compute-1',
      host: sim.vmOf(first.id)?.address ?? '',
      username: 'ubuntu',
      privateKey: sim.fleet.keyPair.privateKey,
      fingerprints: second.fingerprints,
    });
    const error = (await attempt.catch((caught: unknown) => caught)) as HubfleetError;
    expect(error).toBeInstanceOf(HubfleetError);
    expect(error.kind).toBe('refused');
    expect(error.message).toContain('comp20003-jh-compute-1');
    expect(error.message).toContain(first.fingerprints[0]);
    expect(error.message).toContain(second.fingerprints[0]);
  });
});
