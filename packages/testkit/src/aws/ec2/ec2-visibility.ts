import type { AwsServiceError } from '../shared/aws-errors.js';
import { NOT_FOUND } from './ec2-errors.js';
import type { Ec2Params } from './ec2-params.js';
import type { Ec2Context } from './ec2-settings.js';
import type { Ec2State } from './ec2-state.js';

/**
 * EC2 is eventually consistent: "if you run a command to modify or describe the resource that you
 * just created, its ID might not have propagated throughout the system, and you will get an error
 * responding that the resource does not exist"
 * (https://docs.aws.amazon.com/ec2/latest/devguide/eventual-consistency.html). With a
 * `visibilityDelay`, a just-created VPC, subnet, internet gateway, route table or volume answers its
 * `Invalid…ID.NotFound` to every call that names its id, until the delay has passed.
 *
 * Assumed, as the documentation gives no numbers: one delay for every kind, and filtered Describe
 * calls (which name no id) list the resource at once; only calls naming the id are refused.
 */

interface VisibleKind {
  prefix: string;
  records(state: Ec2State): Record<string, { visibleAt?: number }>;
  notFound(id: string): AwsServiceError;
}

const KINDS: readonly VisibleKind[] = [
  { prefix: 'vpc-', records: (state) => state.vpcs, notFound: NOT_FOUND.vpc },
  { prefix: 'subnet-', records: (state) => state.subnets, notFound: NOT_FOUND.subnet },
  { prefix: 'igw-', records: (state) => state.internetGateways, notFound: NOT_FOUND.internetGateway },
  { prefix: 'rtb-', records: (state) => state.routeTables, notFound: NOT_FOUND.routeTable },
  { prefix: 'vol-', records: (state) => state.volumes, notFound: NOT_FOUND.volume },
];

/** Parameters that hold no id the call acts on: filters match, tags describe, the token identifies. */
const NOT_AN_ID = /^(Filter|TagSpecification|Tag)\.|^(ClientToken|Action|Version|DryRun)$/;

/** `{ visibleAt }` for a record created now, or nothing when the fake has no visibility delay. */
export function visibleAfterCreate(context: Ec2Context): { visibleAt?: number } {
  const delay = context.settings.visibilityDelay;
  return delay > 0 ? { visibleAt: context.clock.now() + context.clock.scaled(delay) } : {};
}

/** Throws the kind's NotFound when a parameter names a resource that is not visible yet. */
export function assertIdsVisible(params: Ec2Params, context: Ec2Context): void {
  if (context.settings.visibilityDelay <= 0) return;
  const now = context.clock.now();
  for (const [key, value] of Object.entries(params)) {
    if (NOT_AN_ID.test(key)) continue;
    const kind = KINDS.find((candidate) => value.startsWith(candidate.prefix));
    const visibleAt = kind?.records(context.state)[value]?.visibleAt;
    if (kind !== undefined && visibleAt !== undefined && now < visibleAt) throw kind.notFound(value);
  }
}
