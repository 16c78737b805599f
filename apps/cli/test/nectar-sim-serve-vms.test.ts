import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type OpenStackSimCredentials, simKeystoneToken } from '@hubfleet/testkit';
import { describe, expect, it } from 'vitest';
import { hubfleetBin } from './cli-harness.js';

// biome-ignore lint/suspicious/noExplicitAny: the OpenStack answers a test reads, untyped on purpose
type Json = Record<string, any>;

/** The first line a TCP service at `host:port` sends (an sshd's banner), or the connection's error code. */
function banner(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(10_000, () => socket.destroy(new Error('ETIMEDOUT')));
    socket.once('data', (data) => {
      resolve(data.toString().split('\r\n')[0] ?? '');
      socket.destroy();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** Processes started for the VMs of a state directory (unshare's command line names it), with their children. */
function vmProcesses(state: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(state)) continue;
      found.push(Number(entry));
      const children = readFileSync(`/proc/${entry}/task/${entry}/children`, 'utf8').trim();
      for (const child of children.split(/\s+/).filter(Boolean)) found.push(Number(child));
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

/** Running (a zombie nobody reaped yet counts as gone: it runs nothing and holds no socket). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('hubfleet sim serve --provider nectar: real sshd VMs that never outlive the CLI', () => {
  it('boots an sshd VM on the address Nova shows for an ACTIVE server; SIGKILL of the CLI takes every VM process with it', {
    timeout: 180_000,
  }, async () => {
    const state = mkdtempSync(join(tmpdir(), 'hubfleet-nectar-serve-'));
    const child = spawn(
      process.execPath,
      [hubfleetBin, 'sim', 'serve', '--provider', 'nectar', '--state', state, '--speed', '1000'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    try {
      const line = JSON.parse(
        await new Promise<string>((resolve) =>
          createInterface({ input: child.stdout }).once('line', resolve),
        ),
      ) as { credentials: OpenStackSimCredentials };
      const { token, endpoints } = await simKeystoneToken(line.credentials);
      const compute = endpoints.compute ?? '';
      const image = endpoints.image ?? '';
      const call = async (url: string, method = 'GET', payload?: unknown) =>
        (
          await fetch(url, {
            method,
            headers: {
              'x-auth-token': token,
              'content-type': 'application/json',
              'openstack-api-version': 'compute 2.79',
            },
            ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
          })
        ).json() as Promise<Json>;
      const keyFile = join(state, 'id_ed25519');
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile]);
      await call(`${compute}/os-keypairs`, 'POST', {
        keypair: { name: 'course', public_key: readFileSync(`${keyFile}.pub`, 'utf8').trim() },
      });
      const images = (await call(`${image}/v2/images`)).images as { id: string; name: string }[];
      const created = await call(`${compute}/servers`, 'POST', {
        server: {
          name: 'course-cp',
          flavorRef: 'm3.small',
          imageRef: images[0]?.id,
          key_name: 'course',
          networks: 'auto',
        },
      });
      const id = created.server.id as string;
      await expect
        .poll(async () => (await call(`${compute}/servers/${id}`)).server.status, { timeout: 60_000 })
        .toBe('ACTIVE');
      const server = (await call(`${compute}/servers/${id}`)).server;
      const address = (Object.values(server.addresses).flat()[0] as { addr: string }).addr;
      expect(await banner(address, 22)).toMatch(/^SSH-2\.0-OpenSSH/);
      const processes = vmProcesses(state);
      expect(processes.length).toBeGreaterThanOrEqual(2);

      child.kill('SIGKILL');
      await exited;
      await expect.poll(() => processes.filter(alive), { timeout: 30_000 }).toEqual([]);
      expect(await banner(address, 22)).toBe('ECONNREFUSED');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
