import { createHash } from 'node:crypto';
import { HubfleetError } from '@hubfleet/core';

/** OpenSSH's fingerprint of a raw host key blob: `SHA256:` + unpadded base64 of its SHA-256. */
export function sshFingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The `SHA256:…` fingerprints in cloud-init's console lines (`256 SHA256:… root@host (ED25519)`). */
export function pinnedFingerprints(consoleLines: readonly string[]): string[] {
  return consoleLines.flatMap((line) => /SHA256:[A-Za-z0-9+/]+/.exec(line)?.[0] ?? []);
}

/** Refuse a VM whose SSH server presents a key its console output never printed: exit 3. */
export function hostKeyMismatch(vm: string, expected: readonly string[], presented: string): HubfleetError {
  return new HubfleetError({
    kind: 'refused',
    message: `VM ${vm} presented SSH host key ${presented}, but its console output printed ${expected.join(', ') || 'no host key'}: hubfleet refused to connect and ran nothing on it`,
    hint: "something answers at the VM's address that is not the VM the cloud booted (address reuse or interception); check the VM's console log in the dashboard, and delete and re-create the VM if its key changed",
    retryable: false,
    subject: `vm/${vm}`,
  });
}
