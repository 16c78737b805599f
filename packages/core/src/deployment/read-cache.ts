/**
 * Shares reads between resources, so observing a deployment costs a few list calls rather than one
 * read per resource: every nodegroup is found in one `nodeGroups.list()`, every release in one list
 * of helm's release records.
 *
 * - `snapshot` (planning): a read is made once and kept until `refresh()`, so a plan is made from
 *   one consistent picture of the world.
 * - `live` (applying): only reads that are in flight at the same moment are shared; any later read
 *   asks again, because steps change the world.
 */
export interface ReadCache {
  read<Value>(key: string, load: () => Promise<Value>): Promise<Value>;
  /** Keep every read until `refresh()`. */
  snapshot(): void;
  /** Share only concurrent reads (and forget everything kept so far). */
  live(): void;
  /** Forget everything kept. */
  refresh(): void;
}

export function createReadCache(mode: 'snapshot' | 'live' = 'snapshot'): ReadCache {
  const entries = new Map<string, Promise<unknown>>();
  let keep = mode === 'snapshot';
  return {
    read<Value>(key: string, load: () => Promise<Value>): Promise<Value> {
      const known = entries.get(key);
      if (known !== undefined) return known as Promise<Value>;
      const pending = load();
      entries.set(key, pending);
      const forget = () => {
        if (entries.get(key) === pending) entries.delete(key);
      };
      pending.then(() => {
        if (!keep) forget();
      }, forget);
      return pending;
    },
    snapshot() {
      keep = true;
    },
    live() {
      keep = false;
      entries.clear();
    },
    refresh() {
      entries.clear();
    },
  };
}
