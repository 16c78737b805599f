/**
 * Why fetch failed without an HTTP answer. `refused` means the request never reached the server,
 * so any method may be tried again; `reset` (the connection dropped or timed out after the request
 * was sent) means the server may have carried it out, so only idempotent methods are replayed.
 */
export type ConnectionFailure = 'refused' | 'reset';

const REFUSED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
]);

function codeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function classifyConnectionError(error: unknown): ConnectionFailure {
  const code = codeOf(error);
  return code !== undefined && REFUSED.has(code) ? 'refused' : 'reset';
}

export function describeConnectionError(error: unknown): string {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} (${code})` : message;
}

/** Methods a replay cannot double: the cloud ends in the same state however often they run. */
export function isIdempotentMethod(method: string): boolean {
  return method !== 'POST' && method !== 'PATCH';
}
