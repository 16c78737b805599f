import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire, wireString } from '../wire/wire-fields.js';

/** The serial console log (`os-getConsoleOutput`), the last `lines` lines or all. 409 before the guest runs. */
export async function getConsoleOutput(
  compute: ServiceClient,
  serverId: string,
  lines?: number,
): Promise<string> {
  const response = await compute.request({
    method: 'POST',
    path: `/servers/${segment(serverId)}/action`,
    body: { 'os-getConsoleOutput': { length: lines ?? null } },
    subject: `server/${serverId}`,
  });
  return wireString(asWire(response.body), 'output') ?? '';
}

export interface ConsoleHostKeys {
  /** `ssh-keygen -l` lines: `256 SHA256:… root@host (ED25519)`. */
  fingerprints: string[];
  /** OpenSSH public key lines, to pin in known_hosts. */
  keys: string[];
}

function block(output: string, name: string): string[] | undefined {
  const lines = output.split(/\r?\n/);
  // cloud-init prefixes these lines with `ec2: ` or a syslog header; the markers are what count.
  const start = lines.findIndex((line) => line.includes(`-----BEGIN ${name}-----`));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && line.includes(`-----END ${name}-----`));
  if (end < 0) return undefined;
  return lines
    .slice(start + 1, end)
    .map((line) => line.replace(/^.*?(?=(\d+ SHA256:|ssh-|ecdsa-))/, '').trim());
}

/**
 * The host keys cloud-init printed, once it has: undefined until both blocks are complete, so a
 * caller polls until the guest has booted far enough.
 */
export function parseConsoleHostKeys(output: string): ConsoleHostKeys | undefined {
  const fingerprints = block(output, 'SSH HOST KEY FINGERPRINTS');
  const keys = block(output, 'SSH HOST KEY KEYS');
  if (!fingerprints || !keys) return undefined;
  return {
    fingerprints: fingerprints.filter((line) => line !== ''),
    keys: keys.filter((line) => line !== ''),
  };
}
