import { OpenStackFakeError } from '../shared/openstack-http.js';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * Magnum's error body (its JSON error hook over wsme/pecan): `{"errors": [{request_id, code:
 * "client"|"server", status, title, detail, links}]}`; `title` is the message without its full stop.
 */
export function magnumError(
  status: number,
  detail: string,
  headers: Record<string, string> = {},
): OpenStackFakeError {
  const title = status === 406 || status >= 500 ? (TITLES[status] ?? 'Error') : detail.replace(/\.$/, '');
  const body = {
    errors: [{ request_id: '', code: status >= 500 ? 'server' : 'client', status, title, detail, links: [] }],
  };
  return new OpenStackFakeError(status, body, detail, headers);
}

export const invalid = (message: string) => magnumError(400, message);

export function magnumFault(kind: 'throttle' | 'server-error' | 'unavailable' | 'quota'): OpenStackFakeError {
  switch (kind) {
    case 'throttle':
      return magnumError(429, 'Too many requests.', { 'retry-after': '0' });
    case 'server-error':
      return magnumError(500, 'An unknown exception occurred.');
    case 'unavailable':
      return magnumError(503, 'The server is currently unavailable. Please try again at a later time.');
    case 'quota':
      return magnumError(
        403,
        'Resource limit exceeded: You have reached the maximum clusters per project, 20. You may delete a cluster to make room for a new one.',
      );
  }
}
