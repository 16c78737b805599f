import type { Clock } from '../../framework/clock.js';
import { objectField, stringField } from '../../framework/json-body.js';
import { GoogleApiError, invalidArgument } from '../google-errors.js';
import type { GoogleRequest } from '../google-protocol.js';
import { bindingsFrom, type PolicyRecord, policyEtag } from '../iam-policy.js';
import type { ResourceManagerState } from './resource-manager-state.js';

export interface ResourceManagerFakeOptions {
  clock: Clock;
  authenticate?: (token: string) => boolean;
  /** The projects the caller holds a role on; others answer 403 as Resource Manager does. */
  projects?: readonly string[];
  state?: ResourceManagerState;
}

export interface ResourceManagerContext {
  state: ResourceManagerState;
  options: ResourceManagerFakeOptions;
}

/** A project's policy before anyone set one: its owner (the project's creator) only. */
const INITIAL_ETAG = 'BwXhqDX2hlM=';

function policyOf(context: ResourceManagerContext, project: string): PolicyRecord {
  context.state.policies[project] ??= { bindings: [], revision: 0 };
  return context.state.policies[project];
}

function render(record: PolicyRecord) {
  return {
    version: 1,
    etag: policyEtag(record, INITIAL_ETAG),
    ...(record.bindings.length === 0
      ? {}
      : { bindings: record.bindings.map((each) => ({ ...each, members: [...each.members] })) }),
  };
}

/** projects.getIamPolicy: `POST /v1/projects/{resource}:getIamPolicy` (a read). */
export function getProjectIamPolicy(context: ResourceManagerContext, request: GoogleRequest): unknown {
  return render(policyOf(context, request.labels.project ?? ''));
}

/**
 * projects.setIamPolicy: `POST /v1/projects/{resource}:setIamPolicy` with `{policy}`, replacing the
 * whole policy. An etag other than the current one is a concurrent change: 409 ABORTED, and the
 * caller should redo its read-modify-write.
 */
export function setProjectIamPolicy(context: ResourceManagerContext, request: GoogleRequest): unknown {
  const record = policyOf(context, request.labels.project ?? '');
  const policy = objectField(request.body, 'policy');
  if (policy === undefined)
    throw invalidArgument('Request contains an invalid argument: policy is required.');
  const etag = stringField(policy, 'etag');
  if (etag !== undefined && etag !== policyEtag(record, INITIAL_ETAG)) {
    throw new GoogleApiError(
      'ABORTED',
      'There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff.',
    );
  }
  const bindings = bindingsFrom(policy);
  // "Project does not support allUsers and allAuthenticatedUsers as members in a Binding of a Policy."
  const publicMember = bindings
    .flatMap((binding) => binding.members)
    .find((member) => member === 'allUsers' || member === 'allAuthenticatedUsers');
  if (publicMember !== undefined) {
    throw invalidArgument(
      `Request contains an invalid argument: ${publicMember} is not supported on a project.`,
    );
  }
  const next = { bindings, revision: record.revision + 1 };
  context.state.policies[request.labels.project ?? ''] = next;
  return render(next);
}
