/**
 * Modelled state machines: a resource whose operation takes time carries the status it will reach
 * and when. Fakes settle every due transition before each request (and when state is read), so a
 * process that loads persisted state reaches the same answer.
 */

/** A status change due at `at`; `to: null` means the resource disappears (a finished delete). */
export interface Transition<Status extends string> {
  to: Status | null;
  at: number;
}

export interface Transitioning<Status extends string = string> {
  status: Status;
  transition?: Transition<Status>;
}

/** Schedule `record` to reach `to` (or vanish, with `null`) `durationMs` from `now`. */
export function scheduleTransition<Status extends string>(
  record: Transitioning<Status>,
  to: Status | null,
  now: number,
  durationMs: number,
): void {
  record.transition = { to, at: now + durationMs };
}

/** Applies a due transition; true when the resource is now gone. */
export function applyTransition<Status extends string>(record: Transitioning<Status>, now: number): boolean {
  const transition = record.transition;
  if (!transition || transition.at > now) return false;
  if (transition.to === null) return true;
  record.status = transition.to;
  record.transition = undefined;
  return false;
}

/** Applies every due transition in a table of records, removing the ones whose delete finished. */
export function settleAll<Status extends string>(
  records: Record<string, Transitioning<Status>>,
  now: number,
): void {
  for (const [name, record] of Object.entries(records)) {
    if (applyTransition(record, now)) delete records[name];
  }
}
