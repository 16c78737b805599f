import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A fake's state: plain JSON data, kept in memory and, for sim mode, in a file so that `up`,
 * `status` and `down` in separate processes see one cloud. Writes are atomic (write + rename).
 */
export interface StateStore<State> {
  readonly state: State;
  save(): void;
}

export function createStateStore<State>(initial: () => State, file?: string): StateStore<State> {
  const state: State =
    file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as State) : initial();
  return {
    state,
    save() {
      if (!file) return;
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(state));
      renameSync(temporary, file);
    },
  };
}
