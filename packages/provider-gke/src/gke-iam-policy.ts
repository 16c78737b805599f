import { googleStatusOf } from './gke-errors.js';

/** An IAM policy as Google's APIs exchange it (IAM's, Cloud Resource Manager's and Cloud Storage's alike). */
export interface IamPolicy {
  version?: number;
  etag?: string;
  bindings?: { role: string; members: string[] }[];
}

export function hasMember(policy: IamPolicy | undefined, role: string, member: string): boolean {
  return (policy?.bindings ?? []).some(
    (binding) => binding.role === role && binding.members.includes(member),
  );
}

/** The policy with `member` added to (or, with `remove`, taken from) `role`'s binding. */
export function withMember(policy: IamPolicy, role: string, member: string, remove = false): IamPolicy {
  const bindings = (policy.bindings ?? []).map((binding) => ({ ...binding, members: [...binding.members] }));
  const binding = bindings.find((each) => each.role === role);
  if (remove) {
    if (binding !== undefined) binding.members = binding.members.filter((each) => each !== member);
  } else if (binding === undefined) {
    bindings.push({ role, members: [member] });
  } else if (!binding.members.includes(member)) {
    binding.members.push(member);
  }
  return { ...policy, bindings: bindings.filter((each) => each.members.length > 0) };
}

/** Read-modify-write rounds before a policy that keeps changing under us is given back to the engine. */
const POLICY_ROUNDS = 5;

/**
 * A read-modify-write of an IAM policy: read it, change it, write it with the etag read. Another
 * writer in between makes the write fail (IAM 409 ABORTED, Cloud Storage 412): read again and retry,
 * as Google asks. `change` returns undefined when the policy already says what it should.
 */
export async function updatePolicy(
  read: () => Promise<IamPolicy>,
  write: (policy: IamPolicy) => Promise<unknown>,
  change: (policy: IamPolicy) => IamPolicy | undefined,
): Promise<void> {
  for (let round = 1; ; round++) {
    const current = await read();
    const next = change(current);
    if (next === undefined) return;
    try {
      await write(next);
      return;
    } catch (error) {
      const { status, httpStatus } = googleStatusOf(error);
      const raced = status === 'ABORTED' || httpStatus === 412;
      if (!raced || round >= POLICY_ROUNDS) throw error;
    }
  }
}
