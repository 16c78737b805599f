import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubfleetError } from '@hubfleet/core';
import { afterAll, describe, expect, it } from 'vitest';
import { simulatedPrivateKey } from './nectar-sim-key.js';
import { publicKeyOf, readPrivateKey } from './nectar-ssh-key.js';

const directory = mkdtempSync(join(tmpdir(), 'hubfleet-nectar-key-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** The `type base64` of ssh-keygen's public key line for a private key file. */
function keygenPublic(file: string): string {
  return execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' })
    .trim()
    .split(' ')
    .slice(0, 2)
    .join(' ');
}

describe('the key pair the VMs accept, from the private key hubfleet logs in with', () => {
  it.each([
    ['an OpenSSH ed25519 key', ['-t', 'ed25519']],
    ["the dashboard's PEM RSA key", ['-t', 'rsa', '-b', '2048', '-m', 'PEM']],
  ])('derives the public key of %s as ssh-keygen does', (_, options) => {
    const file = join(directory, `key-${options[1]}`);
    execFileSync('ssh-keygen', ['-q', ...options, '-N', '', '-f', file]);
    expect(publicKeyOf(readFileSync(file, 'utf8'))).toBe(keygenPublic(file));
  });

  it('writes the simulated key pair in a form ssh-keygen reads, with the same public key', () => {
    const file = join(directory, 'simulated');
    writeFileSync(file, simulatedPrivateKey(), { mode: 0o600 });
    expect(publicKeyOf(simulatedPrivateKey())).toBe(keygenPublic(file));
  });

  it('refuses a file that holds no private key, naming the field (exit 2)', async () => {
    const file = join(directory, 'not-a-key');
    writeFileSync(file, 'hello\n');
    const error = await readPrivateKey(file, directory).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubfleetError);
    expect((error as HubfleetError).kind).toBe('invalid-config');
    expect((error as HubfleetError).message).toContain('provider.keypair.privateKeyFile');
  });
});
