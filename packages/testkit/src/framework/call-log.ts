import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/** One call a fake answered: tests and benchmarks count these (mutating vs read). */
export interface CallRecord {
  service: string;
  operation: string;
  mutating: boolean;
  /** The HTTP status the client received; 0 when the connection was destroyed without a response. */
  status: number;
  time: number;
  /** The call was carried out, but its reply was lost (an injected `lost-reply`): status is 0. */
  replyLost?: true;
}

export interface CallLog {
  record(call: CallRecord): void;
  readonly calls: readonly CallRecord[];
  count(filter?: Partial<Pick<CallRecord, 'service' | 'operation' | 'mutating'>>): number;
  clear(): void;
}

/** Calls kept in memory and, when `file` is given, appended to it one JSON object per line. */
export function createCallLog(file?: string): CallLog {
  const calls: CallRecord[] = [];
  return {
    calls,
    record(call) {
      calls.push(call);
      if (file) appendFileSync(file, `${JSON.stringify(call)}\n`);
    },
    count(filter = {}) {
      return calls.filter((call) =>
        Object.entries(filter).every(([key, value]) => call[key as keyof CallRecord] === value),
      ).length;
    },
    clear() {
      calls.length = 0;
    },
  };
}

/** The call log's file name inside a simulated cloud's state directory. */
export const SIM_CALL_LOG = 'calls.jsonl';

/** Every call recorded in a call log file, oldest first; none when the file does not exist yet. */
export function readCallLog(file: string): CallRecord[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8').trim();
  return text === '' ? [] : text.split('\n').map((line) => JSON.parse(line) as CallRecord);
}
