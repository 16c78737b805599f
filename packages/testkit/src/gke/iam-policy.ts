import { type JsonObject, objectArrayField, stringField } from '../framework/json-body.js';
import { invalidArgument } from './google-errors.js';

/** One IAM binding: a role and who holds it (`serviceAccount:…`, `user:…`, `projectOwner:…`). */
export interface PolicyBinding {
  role: string;
  members: string[];
}

/** An IAM policy as a fake keeps it: the bindings and a counter the etag is made from. */
export interface PolicyRecord {
  bindings: PolicyBinding[];
  /** Bumped by every setIamPolicy; the etag encodes it, so a stale read-modify-write is refused. */
  revision: number;
}

const MEMBER =
  /^(allUsers|allAuthenticatedUsers|(user|serviceAccount|group|domain|principal|principalSet|projectOwner|projectEditor|projectViewer|deleted:serviceAccount):.+)$/;

/**
 * The etag of a policy revision: base64 of a small protobuf-like varint pair (`CAE=` for revision
 * 1, as a fresh bucket's policy reads; IAM's `ACAB` for a service account's policy never set).
 */
export function policyEtag(record: PolicyRecord, initial: string): string {
  if (record.revision === 0) return initial;
  return Buffer.from([0x08, ...varint(record.revision)]).toString('base64');
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

/**
 * The bindings of a policy in a setIamPolicy body, checked as IAM does: each has a `roles/…` role
 * and well-formed members; the same role twice is merged.
 */
export function bindingsFrom(policy: JsonObject | undefined): PolicyBinding[] {
  const merged = new Map<string, Set<string>>();
  for (const binding of objectArrayField(policy, 'bindings') ?? []) {
    const role = stringField(binding, 'role');
    if (role === undefined || !/^(roles|projects\/[^/]+\/roles|organizations\/[^/]+\/roles)\/.+/.test(role)) {
      throw invalidArgument(`Role (${role ?? ''}) does not exist in the resource's hierarchy.`, 'badRequest');
    }
    const members = Array.isArray(binding.members) ? binding.members : [];
    const set = merged.get(role) ?? new Set<string>();
    for (const member of members) {
      if (typeof member !== 'string' || !MEMBER.test(member)) {
        throw invalidArgument(`Invalid argument: member ${String(member)} is not valid.`, 'badRequest');
      }
      set.add(member);
    }
    merged.set(role, set);
  }
  return [...merged].flatMap(([role, members]) =>
    members.size === 0 ? [] : [{ role, members: [...members] }],
  );
}
