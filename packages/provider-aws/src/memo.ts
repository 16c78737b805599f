/**
 * A cached async value that is computed once, forgotten after a failure, and can be cleared. Callers
 * that ask while it is being computed share that one computation (single-flight).
 */
export interface Memo<Value> {
  get(): Promise<Value>;
  /**
   * A fresh value: computed again, unless a computation is in flight right now, which is joined
   * instead, so two steps never run the same reconcile side by side (and collide with themselves).
   */
  refresh(): Promise<Value>;
  clear(): void;
}

export function memo<Value>(compute: () => Promise<Value>): Memo<Value> {
  let pending: Promise<Value> | undefined;
  let inFlight = false;
  const start = (): Promise<Value> => {
    const attempt = compute();
    pending = attempt;
    inFlight = true;
    const settle = () => {
      if (pending === attempt) inFlight = false;
    };
    attempt.then(settle, () => {
      settle();
      if (pending === attempt) pending = undefined;
    });
    return attempt;
  };
  return {
    get: () => pending ?? start(),
    refresh: () => (inFlight && pending !== undefined ? pending : start()),
    clear() {
      pending = undefined;
      inFlight = false;
    },
  };
}
