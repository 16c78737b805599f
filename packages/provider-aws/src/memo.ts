/** A cached async value that is computed once, forgotten after a failure, and can be cleared. */
export interface Memo<Value> {
  get(): Promise<Value>;
  clear(): void;
}

export function memo<Value>(compute: () => Promise<Value>): Memo<Value> {
  let pending: Promise<Value> | undefined;
  return {
    get() {
      if (pending === undefined) {
        const attempt = compute();
        pending = attempt;
        attempt.catch(() => {
          if (pending === attempt) pending = undefined;
        });
      }
      return pending;
    },
    clear() {
      pending = undefined;
    },
  };
}
