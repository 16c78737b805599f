import { createHash, randomBytes } from 'node:crypto';

/** RFC 3339 with milliseconds and `Z`, as the container API writes times. */
export function rfc3339(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** A decimal id as Google APIs give them (uint64, sent as a string in JSON). */
export function numericId(): string {
  return BigInt(`0x${randomBytes(7).toString('hex')}`).toString();
}

/** `operation-<ms>-<hex>`: the shape of GKE and compute operation names. */
export function operationName(now: number): string {
  return `operation-${now}-${randomBytes(4).toString('hex')}`;
}

/** A fingerprint of a label map: changes whenever the labels do (base64 of a hash, as the APIs send). */
export function labelFingerprint(labels: Readonly<Record<string, string>>): string {
  const canonical = JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(canonical).digest('base64').slice(0, 12);
}

/**
 * Google label rules (compute and GKE resource labels): keys 1-63 of lowercase letters, digits, `_`
 * and `-`, starting with a letter; values 0-63 of the same. Returns the first bad label, if any.
 */
export function invalidLabel(labels: Readonly<Record<string, string>>): string | undefined {
  for (const [key, value] of Object.entries(labels)) {
    if (!/^[a-z][a-z0-9_-]{0,62}$/.test(key)) return key;
    if (!/^[a-z0-9_-]{0,63}$/.test(value)) return `${key}=${value}`;
  }
  return undefined;
}
