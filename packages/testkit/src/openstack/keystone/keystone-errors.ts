import { OpenStackFakeError } from '../shared/openstack-http.js';

/** Keystone's error body: `{"error": {"code", "title", "message"}}` (api-ref identity v3, "Errors"). */
const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function keystoneError(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): OpenStackFakeError {
  const title = TITLES[status] ?? 'Error';
  return new OpenStackFakeError(status, { error: { code: status, title, message } }, message, headers);
}

/** Keystone says the same to every failed authentication, so as not to reveal which part was wrong. */
export function authenticationFailed(
  message = 'The request you have made requires authentication.',
): OpenStackFakeError {
  return keystoneError(401, message, { 'www-authenticate': 'Keystone uri="keystone"' });
}

export function badRequest(message: string): OpenStackFakeError {
  return keystoneError(400, message);
}

export function keystoneFault(
  kind: 'throttle' | 'server-error' | 'unavailable' | 'quota',
): OpenStackFakeError {
  switch (kind) {
    case 'throttle':
      return keystoneError(429, 'Too many requests.', { 'retry-after': '0' });
    case 'server-error':
      return keystoneError(500, 'An unexpected error prevented the server from fulfilling your request.');
    case 'unavailable':
      return keystoneError(503, 'The server is currently unavailable. Please try again at a later time.');
    case 'quota':
      return keystoneError(
        403,
        'You are not authorized to perform the requested action: identity:create_application_credential.',
      );
  }
}
