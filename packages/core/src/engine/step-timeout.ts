import { HubfleetError } from '../errors/index.js';

/** Renders a duration the way people say it: `45m`, `1m 30s`, `800ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)}ms`;
  const totalSeconds = Math.round(ms / 1_000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes === 0) return `${seconds}s`;
  return seconds === 0 ? `${minutes}m` : `${minutes}m ${seconds}s`;
}

function timeoutError(subject: string, kind: string, timeoutMs: number): HubfleetError {
  return new HubfleetError({
    kind: 'timeout',
    message: `${subject} did not finish within ${formatDuration(timeoutMs)}.`,
    hint: `The cloud may still be working on the ${kind}: check it in the cloud console, then re-run the command to continue.`,
    subject,
  });
}

/**
 * Run `work` with a time limit. `work` gets a signal that aborts when the limit passes or when
 * `parent` aborts, so it can stop at its next safe point; the timeout itself rejects at once.
 */
export async function runWithTimeout<Result>(
  work: (signal: AbortSignal) => Promise<Result>,
  limit: { timeoutMs: number; subject: string; kind: string; parent: AbortSignal },
): Promise<Result> {
  const timeout = new AbortController();
  const signal = AbortSignal.any([limit.parent, timeout.signal]);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = timeoutError(limit.subject, limit.kind, limit.timeoutMs);
      timeout.abort(error);
      reject(error);
    }, limit.timeoutMs);
  });
  try {
    return await Promise.race([work(signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
