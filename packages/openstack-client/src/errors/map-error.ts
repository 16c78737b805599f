import type { HubfleetErrorKind } from '@hubfleet/core';
import type { ErrorBody } from './error-body.js';
import { OpenStackError, type OpenStackServiceType } from './openstack-error.js';
import { SERVICE_NAMES } from './service-names.js';

export interface FailedCall {
  service: OpenStackServiceType;
  method: string;
  /** The path called, relative to the service endpoint (no host, no query: those can carry ids only). */
  path: string;
  status: number;
  body: ErrorBody;
  requestId: string | undefined;
  /** The resource the call was about, e.g. `cluster/hub-prod` or `volume/3f2a…`. */
  subject?: string;
}

interface Meaning {
  kind: HubfleetErrorKind;
  retryable?: boolean;
}

const QUOTA_WORDS = /quota|limit exceeded|maximum .* per project|OverQuota/i;

/**
 * Each service says "quota" its own way: Cinder 413 overLimit, Nova 403 "Quota exceeded",
 * Octavia 403 "Quota has been met", Neutron 409 OverQuota, Magnum 403 ResourceLimitExceeded.
 */
function isQuota(call: FailedCall): boolean {
  const { status, body, service } = call;
  const said = `${body.code ?? ''} ${body.message ?? ''}`;
  if (status === 413) return true;
  if (status === 403) return QUOTA_WORDS.test(said);
  if (status === 409 && service === 'network') return body.code === 'OverQuota';
  // Neutron's "No more IP addresses available" on the external network: the pool, not the request, is the limit.
  return (
    status === 400 &&
    (body.code === 'ExternalIpAddressExhausted' || body.code === 'IpAddressGenerationFailure')
  );
}

function meaningOf(call: FailedCall): Meaning {
  const { status, body, service } = call;
  if (isQuota(call)) return { kind: 'quota', retryable: false };
  if (status === 401) return { kind: 'permission' };
  if (status === 403) return { kind: 'permission' };
  if (status === 404) return { kind: 'not-found' };
  if (status === 409) {
    // Octavia: "… is immutable and cannot be updated" while PENDING_*: it passes once the LB is ACTIVE.
    const transient = service === 'load-balancer' && /immutable/i.test(body.message ?? '');
    return { kind: 'conflict', retryable: transient };
  }
  if (status === 400 && service === 'block-storage' && /^Invalid volume/i.test(body.message ?? '')) {
    return { kind: 'conflict' };
  }
  if (status === 406) return { kind: 'internal' };
  if (status === 429) return { kind: 'throttled', retryable: true };
  if (status === 0 || status >= 500) return { kind: 'unavailable', retryable: true };
  if (status >= 400 && status < 500) return { kind: 'invalid-config' };
  return { kind: 'internal' };
}

function hintFor(kind: HubfleetErrorKind, call: FailedCall): string {
  const service = SERVICE_NAMES[call.service];
  const reference = call.requestId ? ` Quote request id ${call.requestId} to the cloud's support.` : '';
  switch (kind) {
    case 'quota':
      return `The project reached a ${service} quota: free some resources or ask the cloud's administrators to raise it; retrying will not help.${reference}`;
    case 'permission':
      return call.status === 401
        ? `${service} refused the credentials even after re-authenticating: check clouds.yaml or the OS_* variables (password or application credential wrong, expired or revoked).${reference}`
        : `The credentials' role in this project does not allow this ${service} call: ask the project's administrators for the role, or use credentials that have it.${reference}`;
    case 'not-found':
      return `It may have been deleted outside hubfleet, or the id belongs to another project or region.${reference}`;
    case 'conflict':
      return `The resource is busy or in a state that does not allow this call: wait for its current operation to finish and run the command again.${reference}`;
    case 'throttled':
    case 'unavailable':
      return `${service} did not answer properly; hubfleet already retried. Try again in a few minutes; if it persists, check the cloud's status page.${reference}`;
    case 'internal':
      return `hubfleet sent a request ${service} does not accept (status ${call.status}); please report it with the request id.${reference}`;
    default:
      return `Check the values hubfleet.yaml gives this ${service} resource (flavor, image, network, sizes).${reference}`;
  }
}

/** A failed call as an OpenStackError whose kind, hint and retryability follow the service's meaning. */
export function mapOpenStackError(call: FailedCall): OpenStackError {
  const meaning = meaningOf(call);
  const service = SERVICE_NAMES[call.service];
  const status = call.status === 0 ? 'no response' : String(call.status);
  const code = call.body.code ? ` ${call.body.code}` : '';
  const said = call.body.message ? `: ${call.body.message}` : '';
  return new OpenStackError({
    kind: meaning.kind,
    message: `${service} ${call.method} ${call.path} failed (${status}${code})${said}`,
    hint: hintFor(meaning.kind, call),
    ...(meaning.retryable === undefined ? {} : { retryable: meaning.retryable }),
    ...(call.subject === undefined ? {} : { subject: call.subject }),
    service: call.service,
    status: call.status,
    code: call.body.code,
    requestId: call.requestId,
  });
}
