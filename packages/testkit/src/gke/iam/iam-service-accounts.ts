import type { Clock } from '../../framework/clock.js';
import { objectField, stringField } from '../../framework/json-body.js';
import { GoogleApiError, invalidArgument } from '../google-errors.js';
import { numericId } from '../google-ids.js';
import type { GoogleRequest } from '../google-protocol.js';
import { bindingsFrom, policyEtag } from '../iam-policy.js';
import type { GoogleIamState, ServiceAccountRecord } from './iam-state.js';

export interface GoogleIamFakeOptions {
  clock: Clock;
  authenticate?: (token: string) => boolean;
  projects?: readonly string[];
  /**
   * Whether a Workload Identity pool (`<project>.svc.id.goog`) exists: GKE makes it with the first
   * cluster that has Workload Identity on. Absent: every pool exists.
   */
  workloadPoolExists?: (pool: string) => boolean;
  state?: GoogleIamState;
}

export interface GoogleIamContext {
  state: GoogleIamState;
  options: GoogleIamFakeOptions;
}

/** RFC 1035, 6-30 characters, as `projects.serviceAccounts.create` documents `accountId`. */
const ACCOUNT_ID = /^[a-z]([-a-z0-9]{4,28}[a-z0-9])$/;
/** An empty policy's etag, as IAM answers getIamPolicy on a service account no one has set one on. */
const INITIAL_ETAG = 'ACAB';

function render(account: ServiceAccountRecord): Record<string, unknown> {
  return {
    name: `projects/${account.project}/serviceAccounts/${account.email}`,
    projectId: account.project,
    uniqueId: account.uniqueId,
    email: account.email,
    ...(account.displayName === undefined ? {} : { displayName: account.displayName }),
    ...(account.description === undefined ? {} : { description: account.description }),
    etag: 'MDEwMjE5MjA=',
    oauth2ClientId: account.uniqueId,
  };
}

/** `{account}` is the email or the unique id; `-` as the project means any project. */
function findAccount(context: GoogleIamContext, labels: Record<string, string>): ServiceAccountRecord {
  const wanted = labels.account ?? '';
  const account =
    context.state.serviceAccounts[wanted] ??
    Object.values(context.state.serviceAccounts).find((each) => each.uniqueId === wanted);
  if (account === undefined || (labels.project !== '-' && account.project !== labels.project)) {
    throw new GoogleApiError('NOT_FOUND', `Unknown service account`);
  }
  return account;
}

/** projects.serviceAccounts.create: `POST /v1/projects/{project}/serviceAccounts`. */
export function createServiceAccount(context: GoogleIamContext, request: GoogleRequest): unknown {
  const project = request.labels.project ?? '';
  const accountId = stringField(request.body, 'accountId') ?? '';
  if (!ACCOUNT_ID.test(accountId)) {
    throw invalidArgument(
      `Invalid account ID: ${accountId}. Account IDs must be 6-30 characters, start with a lowercase letter and contain only lowercase letters, digits and hyphens.`,
    );
  }
  const email = `${accountId}@${project}.iam.gserviceaccount.com`;
  if (context.state.serviceAccounts[email] !== undefined) {
    throw new GoogleApiError(
      'ALREADY_EXISTS',
      `Service account ${accountId} already exists within project projects/${project}.`,
    );
  }
  const given = objectField(request.body, 'serviceAccount');
  const displayName = stringField(given, 'displayName');
  const description = stringField(given, 'description');
  const account: ServiceAccountRecord = {
    project,
    accountId,
    email,
    uniqueId: numericId(),
    ...(displayName === undefined ? {} : { displayName }),
    ...(description === undefined ? {} : { description }),
    iam: { bindings: [], revision: 0 },
  };
  context.state.serviceAccounts[email] = account;
  return render(account);
}

export function getServiceAccount(context: GoogleIamContext, request: GoogleRequest): unknown {
  return render(findAccount(context, request.labels));
}

export function deleteServiceAccount(context: GoogleIamContext, request: GoogleRequest): unknown {
  const account = findAccount(context, request.labels);
  delete context.state.serviceAccounts[account.email];
  return {};
}

function renderPolicy(account: ServiceAccountRecord) {
  const bindings = account.iam.bindings;
  return {
    version: 1,
    etag: policyEtag(account.iam, INITIAL_ETAG),
    ...(bindings.length === 0
      ? {}
      : { bindings: bindings.map((each) => ({ ...each, members: [...each.members] })) }),
  };
}

/** `POST …/serviceAccounts/{account}:getIamPolicy`: who may act as the account. */
export function getServiceAccountIamPolicy(context: GoogleIamContext, request: GoogleRequest): unknown {
  return renderPolicy(findAccount(context, request.labels));
}

/**
 * `POST …/serviceAccounts/{account}:setIamPolicy` with `{policy}`. A stale etag is a concurrent
 * change (409 ABORTED); a Workload Identity member (`serviceAccount:<pool>[ns/ksa]`) needs its pool
 * to exist, which GKE makes with a cluster that has Workload Identity on.
 */
export function setServiceAccountIamPolicy(context: GoogleIamContext, request: GoogleRequest): unknown {
  const account = findAccount(context, request.labels);
  const policy = objectField(request.body, 'policy');
  if (policy === undefined)
    throw invalidArgument('Request contains an invalid argument: policy is required.');
  const etag = stringField(policy, 'etag');
  if (etag !== undefined && etag !== policyEtag(account.iam, INITIAL_ETAG)) {
    throw new GoogleApiError(
      'ABORTED',
      'There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff.',
    );
  }
  const bindings = bindingsFrom(policy);
  const exists = context.options.workloadPoolExists;
  for (const member of bindings.flatMap((binding) => binding.members)) {
    const pool = /^serviceAccount:([^[]+\.svc\.id\.goog)\[[^\]]+\]$/.exec(member)?.[1];
    if (pool !== undefined && exists !== undefined && !exists(pool)) {
      throw invalidArgument(
        `Identity Pool does not exist (${pool}). Please check that you specified a valid resource name as returned in the \`name\` attribute in the configuration API.`,
        'badRequest',
      );
    }
  }
  account.iam = { bindings, revision: account.iam.revision + 1 };
  return renderPolicy(account);
}
