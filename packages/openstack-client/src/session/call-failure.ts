import { parseErrorBody } from '../errors/error-body.js';
import { mapOpenStackError } from '../errors/map-error.js';
import type { OpenStackError, OpenStackServiceType } from '../errors/openstack-error.js';
import { ConnectionError, type HttpResponse } from '../http/http-transport.js';

export interface CallSite {
  service: OpenStackServiceType;
  method: string;
  path: string;
  subject?: string;
}

/** An HTTP error answer as an OpenStackError. */
export function responseError(site: CallSite, response: HttpResponse): OpenStackError {
  return mapOpenStackError({
    ...site,
    status: response.status,
    body: parseErrorBody(response.text),
    requestId: response.requestId,
  });
}

/** A call that got no answer at all, as an `unavailable` OpenStackError; anything else is rethrown. */
export function connectionFailure(site: CallSite, error: unknown): never {
  if (!(error instanceof ConnectionError)) throw error;
  throw mapOpenStackError({
    ...site,
    status: 0,
    body: { code: undefined, message: error.message },
    requestId: undefined,
  });
}
