import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ConfigIssue, warning } from '@hubfleet/core';

const PATH = ['provider', 'keypair', 'privateKeyFile'];

/** `~/x` → `<home>/x`; other paths unchanged. */
export function expandHome(file: string, home: string = homedir()): string {
  if (file === '~') return home;
  return file.startsWith('~/') ? join(home, file.slice(2)) : file;
}

/**
 * The private key should be here and private. Only warnings: `validate` also runs on machines that
 * never deploy (CI, a colleague's laptop). A relative path resolves against the config file's directory.
 */
export function checkPrivateKeyFile(
  file: string,
  configDirectory: string,
  home: string = homedir(),
): ConfigIssue[] {
  const path = resolve(configDirectory, expandHome(file, home));
  let mode: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) {
      return [
        warning(
          PATH,
          `${file} is not a file`,
          'give the path of the private key file, e.g. ~/.ssh/comp20003.pem',
        ),
      ];
    }
    mode = stats.mode;
  } catch {
    return [
      warning(
        PATH,
        `${file} does not exist on this machine; hubfleet needs it to bootstrap the VMs over SSH`,
        "download the key pair's private key here, or correct the path (004 step 6)",
      ),
    ];
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    return [
      warning(
        PATH,
        `${file} can be read by other users, so SSH will refuse to use it`,
        `run chmod 600 ${file} (004 step 6)`,
      ),
    ];
  }
  return [];
}
