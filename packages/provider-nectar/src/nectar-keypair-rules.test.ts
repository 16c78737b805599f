import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPrivateKeyFile, expandHome } from './nectar-keypair-rules.js';

const home = mkdtempSync(join(tmpdir(), 'hubfleet-nectar-'));
const path = ['provider', 'keypair', 'privateKeyFile'];

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

function keyFile(name: string, mode: number): string {
  const file = join(home, name);
  writeFileSync(file, 'not a real key\n');
  chmodSync(file, mode);
  return file;
}

describe('expandHome', () => {
  it('expands a leading ~ only', () => {
    expect(expandHome('~/.ssh/id.pem', '/home/me')).toBe('/home/me/.ssh/id.pem');
    expect(expandHome('~', '/home/me')).toBe('/home/me');
    expect(expandHome('/keys/~/id.pem', '/home/me')).toBe('/keys/~/id.pem');
  });
});

describe('checkPrivateKeyFile', () => {
  it('accepts a private key that exists and only its owner can read', () => {
    expect(checkPrivateKeyFile(keyFile('good.pem', 0o600), '/elsewhere')).toEqual([]);
  });

  it('finds a key under ~', () => {
    keyFile('home.pem', 0o600);
    expect(checkPrivateKeyFile('~/home.pem', '/elsewhere', home)).toEqual([]);
  });

  it('warns when the key is missing', () => {
    const [issue] = checkPrivateKeyFile('~/missing.pem', '/elsewhere', home);
    expect(issue).toMatchObject({ path, severity: 'warning' });
    expect(issue?.message).toBe(
      '~/missing.pem does not exist on this machine; hubfleet needs it to bootstrap the VMs over SSH',
    );
  });

  it('warns when the path is a directory', () => {
    expect(checkPrivateKeyFile(home, '/elsewhere')[0]?.message).toContain('is not a file');
  });

  it('warns when others can read the key, as SSH refuses it (004 step 6)', () => {
    const file = keyFile('open.pem', 0o644);
    const [issue] = checkPrivateKeyFile(file, '/elsewhere');
    expect(issue).toMatchObject({ path, severity: 'warning', hint: `run chmod 600 ${file} (004 step 6)` });
  });

  it('resolves a relative path against the config file directory', () => {
    keyFile('relative.pem', 0o600);
    expect(checkPrivateKeyFile('./relative.pem', home)).toEqual([]);
    expect(checkPrivateKeyFile('./keys/missing.pem', home)[0]?.message).toContain('does not exist');
  });
});
