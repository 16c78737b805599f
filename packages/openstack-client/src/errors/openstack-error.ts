import { HubfleetError, type HubfleetErrorOptions } from '@hubfleet/core';

/** The OpenStack service a call went to, by its catalog type (`identity` for Keystone). */
export type OpenStackServiceType =
  | 'identity'
  | 'compute'
  | 'network'
  | 'block-storage'
  | 'container-infra'
  | 'load-balancer'
  | 'image';

export interface OpenStackErrorDetails {
  service: OpenStackServiceType;
  /** HTTP status; 0 when no answer arrived (connection reset, refused, timed out). */
  status: number;
  /**
   * The service's own error name: Magnum's `code`/`title`, Nova/Cinder's fault name
   * (`itemNotFound`, `overLimit`…), Neutron's `type` (`OverQuota`), Octavia's `faultcode`.
   */
  code: string | undefined;
  /** `x-openstack-request-id` (or `x-compute-request-id`): what an operator asks the cloud's admins about. */
  requestId: string | undefined;
}

/**
 * A failed OpenStack call, as a HubfleetError: `kind` says what it means to hubfleet, and the
 * service, status, code and request id stay available to code that must tell cases apart.
 */
export class OpenStackError extends HubfleetError {
  override readonly name = 'OpenStackError';
  readonly service: OpenStackServiceType;
  readonly status: number;
  readonly code: string | undefined;
  readonly requestId: string | undefined;

  constructor(options: HubfleetErrorOptions & OpenStackErrorDetails) {
    super(options);
    this.service = options.service;
    this.status = options.status;
    this.code = options.code;
    this.requestId = options.requestId;
  }

  static isOpenStackError(value: unknown): value is OpenStackError {
    return value instanceof OpenStackError;
  }
}

/** True when `error` is an OpenStackError with this HTTP status (and code, when given). */
export function isOpenStackStatus(error: unknown, status: number, code?: string): error is OpenStackError {
  return (
    error instanceof OpenStackError && error.status === status && (code === undefined || error.code === code)
  );
}
