import { describe, expect, it } from 'vitest';
import { parseErrorBody } from './error-body.js';
import { mapOpenStackError } from './map-error.js';
import type { OpenStackServiceType } from './openstack-error.js';

function mapped(service: OpenStackServiceType, status: number, body: unknown) {
  return mapOpenStackError({
    service,
    method: 'POST',
    path: '/thing',
    status,
    body: parseErrorBody(typeof body === 'string' ? body : JSON.stringify(body)),
    requestId: 'req-123',
    subject: 'thing/x',
  });
}

const compute = (name: string, code: number, message: string) => ({ [name]: { code, message } });
const magnum = (status: number, detail: string) => ({
  errors: [{ request_id: '', code: 'client', status, title: detail.replace(/\.$/, ''), detail, links: [] }],
});
const neutron = (type: string, message: string) => ({ NeutronError: { type, message, detail: '' } });
const octavia = (faultstring: string) => ({ faultcode: 'Client', faultstring, debuginfo: null });

/** Each service's documented errors, in its own body shape, and what hubfleet makes of them. */
const CASES: Array<
  [string, OpenStackServiceType, number, unknown, { kind: string; code?: string; retryable: boolean }]
> = [
  [
    'Keystone 401',
    'identity',
    401,
    {
      error: {
        code: 401,
        title: 'Unauthorized',
        message: 'The request you have made requires authentication.',
      },
    },
    { kind: 'permission', code: 'Unauthorized', retryable: false },
  ],
  [
    'Keystone 403',
    'identity',
    403,
    {
      error: {
        code: 403,
        title: 'Forbidden',
        message: 'You are not authorized to perform the requested action.',
      },
    },
    { kind: 'permission', retryable: false },
  ],
  [
    'Magnum 400 NotSupported',
    'container-infra',
    400,
    magnum(400, 'Deleting a default nodegroup is not supported.'),
    { kind: 'invalid-config', code: 'client', retryable: false },
  ],
  [
    'Magnum 403 ResourceLimitExceeded',
    'container-infra',
    403,
    magnum(403, 'Resource limit exceeded: You have reached the maximum clusters per project, 20.'),
    { kind: 'quota', retryable: false },
  ],
  [
    'Magnum 403 policy',
    'container-infra',
    403,
    magnum(403, "Policy doesn't allow cluster:create to be performed."),
    { kind: 'permission', retryable: false },
  ],
  [
    'Magnum 404',
    'container-infra',
    404,
    magnum(404, 'Cluster hub could not be found.'),
    { kind: 'not-found', retryable: false },
  ],
  [
    'Magnum 406',
    'container-infra',
    406,
    magnum(406, 'Version 1.15 was requested but the minor version is not supported by this service.'),
    { kind: 'internal', retryable: false },
  ],
  [
    'Magnum 409 ambiguous name',
    'container-infra',
    409,
    magnum(409, 'Multiple clusters exist with same name. Please use the cluster uuid instead.'),
    { kind: 'conflict', retryable: false },
  ],
  [
    'Cinder 400 Invalid volume',
    'block-storage',
    400,
    compute('badRequest', 400, 'Invalid volume: Volume status must be available or error…'),
    { kind: 'conflict', code: 'badRequest', retryable: false },
  ],
  [
    'Cinder 400 other',
    'block-storage',
    400,
    compute('badRequest', 400, 'Invalid input received: Volume type gold could not be found.'),
    { kind: 'invalid-config', code: 'badRequest', retryable: false },
  ],
  [
    'Cinder 404',
    'block-storage',
    404,
    compute('itemNotFound', 404, 'Volume 1 could not be found.'),
    { kind: 'not-found', code: 'itemNotFound', retryable: false },
  ],
  [
    'Cinder 409',
    'block-storage',
    409,
    compute('conflictingRequest', 409, 'Conflict'),
    { kind: 'conflict', code: 'conflictingRequest', retryable: false },
  ],
  [
    'Cinder 413 quota',
    'block-storage',
    413,
    {
      overLimit: {
        code: 413,
        message: "VolumeLimitExceeded: Maximum number of volumes allowed (10) exceeded for quota 'volumes'.",
        retryAfter: '0',
      },
    },
    { kind: 'quota', code: 'overLimit', retryable: false },
  ],
  [
    'Nova 400',
    'compute',
    400,
    compute('badRequest', 400, 'Invalid key_name provided.'),
    { kind: 'invalid-config', code: 'badRequest', retryable: false },
  ],
  [
    'Nova 403 OverQuota',
    'compute',
    403,
    compute(
      'forbidden',
      403,
      'Quota exceeded for instances: Requested 1, but already used 10 of 10 instances',
    ),
    { kind: 'quota', code: 'forbidden', retryable: false },
  ],
  [
    'Nova 403 policy',
    'compute',
    403,
    compute('forbidden', 403, 'Policy does not allow os_compute_api:servers:create to be performed.'),
    { kind: 'permission', retryable: false },
  ],
  [
    'Nova 409',
    'compute',
    409,
    compute('conflictingRequest', 409, "Cannot 'attach_volume' instance while it is in vm_state building"),
    { kind: 'conflict', retryable: false },
  ],
  [
    'Nova 429',
    'compute',
    429,
    compute('overLimit', 429, 'This request was rate-limited.'),
    { kind: 'throttled', retryable: true },
  ],
  [
    'Neutron 409 OverQuota',
    'network',
    409,
    neutron('OverQuota', "Quota exceeded for resources: ['floatingip']."),
    { kind: 'quota', code: 'OverQuota', retryable: false },
  ],
  [
    'Neutron 409 InUse',
    'network',
    409,
    neutron('FloatingIPPortAlreadyAssociated', 'Cannot associate floating IP'),
    { kind: 'conflict', code: 'FloatingIPPortAlreadyAssociated', retryable: false },
  ],
  [
    'Neutron 400 ExternalIpAddressExhausted',
    'network',
    400,
    neutron('ExternalIpAddressExhausted', 'Unable to find any IP address on external network'),
    { kind: 'quota', retryable: false },
  ],
  [
    'Neutron 404',
    'network',
    404,
    neutron('NetworkNotFound', 'Network x could not be found.'),
    { kind: 'not-found', retryable: false },
  ],
  [
    'Octavia 403 quota',
    'load-balancer',
    403,
    octavia('Quota has been met for resources: LoadBalancer'),
    { kind: 'quota', code: 'Client', retryable: false },
  ],
  [
    'Octavia 409 immutable',
    'load-balancer',
    409,
    octavia('Load Balancer x is immutable and cannot be updated.'),
    { kind: 'conflict', retryable: true },
  ],
  [
    'Octavia 503 ProjectBusy',
    'load-balancer',
    503,
    octavia('Project busy. Unable to lock the project. Please try again.'),
    { kind: 'unavailable', retryable: true },
  ],
  [
    'Glance 404',
    'image',
    404,
    '<html><body><h1>404 Not Found</h1>No image found with ID x</body></html>',
    { kind: 'not-found', retryable: false },
  ],
  [
    'proxy 502',
    'compute',
    502,
    '<html><body>Bad Gateway</body></html>',
    { kind: 'unavailable', retryable: true },
  ],
];

describe('OpenStack errors mapped from each service body shape', () => {
  it.each(CASES)('%s', (_name, service, status, body, expected) => {
    const error = mapped(service, status, body);
    expect(error.kind).toBe(expected.kind);
    expect(error.retryable).toBe(expected.retryable);
    if (expected.code) expect(error.code).toBe(expected.code);
    expect(error.status).toBe(status);
    expect(error.subject).toBe('thing/x');
    expect(error.hint).toContain('req-123');
    expect(error.message).toMatch(new RegExp(`^\\w+ POST /thing failed \\(${status}`));
  });

  it('keeps the message the service gave', () => {
    expect(
      mapped('network', 409, neutron('OverQuota', "Quota exceeded for resources: ['floatingip'].")).message,
    ).toContain("Quota exceeded for resources: ['floatingip']");
    expect(mapped('image', 404, '<h1>404 Not Found</h1>No image found').message).toContain(
      '404 Not Found No image found',
    );
  });

  it('says "no response" for a call that got none, retryable', () => {
    const error = mapOpenStackError({
      service: 'compute',
      method: 'GET',
      path: '/servers',
      status: 0,
      body: { code: undefined, message: 'socket hang up' },
      requestId: undefined,
    });
    expect(error).toMatchObject({ kind: 'unavailable', retryable: true });
    expect(error.message).toContain('no response');
    expect(error.hint).not.toContain('request id');
  });
});
