import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitCodeFor, type TimingsFile } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { checkTimingsPath, writeTimingsFile } from './timings-file.js';

const directory = mkdtempSync(join(tmpdir(), 'hubfleet-timings-'));
const timings = { formatVersion: 1, steps: [] } as unknown as TimingsFile;

describe('the --timings file', () => {
  it('refuses before planning (exit 2) a path in a missing directory, or a directory', () => {
    for (const [path, why] of [
      [join(directory, 'missing', 'timings.json'), 'does not exist'],
      [directory, 'is a directory'],
    ] as const) {
      const error = (() => {
        try {
          checkTimingsPath(path);
        } catch (caught) {
          return caught as Error & { hint?: string };
        }
      })();
      expect(exitCodeFor(error)).toBe(2);
      expect(error?.message).toContain(`--timings ${path}`);
      expect(error?.message).toContain(why);
      expect(error?.hint).toContain('--timings ./timings.json');
    }
  });

  it('accepts a new file in a writable directory and writes it', () => {
    const path = join(directory, 'timings.json');
    expect(() => checkTimingsPath(path)).not.toThrow();
    expect(writeTimingsFile(path, timings)).toBeUndefined();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(timings);
  });

  it('replaces only an earlier timings file: a file of anything else, or a symlink, is refused and left as it was', () => {
    const earlier = join(directory, 'earlier.json');
    expect(writeTimingsFile(earlier, timings)).toBeUndefined();
    expect(() => checkTimingsPath(earlier)).not.toThrow();
    const notes = join(directory, 'notes.json');
    writeFileSync(notes, '{"my": "notes"}\n');
    const link = join(directory, 'link.json');
    symlinkSync(earlier, link);
    for (const [path, why] of [
      [notes, 'exists and is not a timings file hubfleet wrote'],
      [link, 'is a symbolic link'],
    ] as const) {
      let error: (Error & { hint?: string }) | undefined;
      try {
        checkTimingsPath(path);
      } catch (caught) {
        error = caught as Error;
      }
      expect(exitCodeFor(error)).toBe(2);
      expect(error?.message).toContain(why);
    }
    expect(readFileSync(notes, 'utf8')).toBe('{"my": "notes"}\n');
  });

  it('returns a failed write as a HubfleetError naming the file (never an internal error)', () => {
    const path = join(directory, 'gone', 'timings.json');
    const error = writeTimingsFile(path, timings);
    expect(error?.message).toBe(
      `the run finished, but its --timings file ${path} could not be written (ENOENT)`,
    );
    expect(exitCodeFor(error)).toBe(1);
  });
});
