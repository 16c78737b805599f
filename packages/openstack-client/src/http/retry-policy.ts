/** How often and how long the HTTP core retries a transient failure. */
export interface RetryPolicy {
  /** Tries in all, the first included. @default 4 */
  attempts: number;
  /** The backoff's first ceiling; doubled each retry. @default 500 */
  baseDelayMs: number;
  /** The largest wait between tries (also caps a Retry-After). @default 8000 */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 };

/**
 * Full jitter (a random wait up to the doubled ceiling) so that many clients retrying after one
 * outage do not arrive together. A Retry-After the server sent wins, within `maxDelayMs`.
 */
export function backoffDelay(
  policy: RetryPolicy,
  retry: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined && retryAfterMs > 0) return Math.min(retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Statuses worth another try: 5xx (except 501, which will not change) including Octavia's
 * 503 ProjectBusy, and 429. Quota answers (413, 403, 409 OverQuota) are never here: waiting
 * does not free quota.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}
