import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitCodeFor } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { prepareRenderDirectory, RENDER_MARKER } from './render-directory.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'hubfleet-render-directory-'));

describe('prepareRenderDirectory', () => {
  it('makes a new directory, marks it and gives it empty values/ and manifests/', () => {
    const out = join(fresh(), 'rendered');
    prepareRenderDirectory(out);
    expect(readdirSync(out).sort()).toEqual([RENDER_MARKER, 'manifests', 'values']);
    expect(readdirSync(join(out, 'values'))).toEqual([]);
  });

  it("refuses (exit 2) a non-empty directory it did not write, and deletes none of the user's files", () => {
    const out = fresh();
    mkdirSync(join(out, 'values'));
    writeFileSync(join(out, 'values', 'mine.yaml'), 'my own values\n');
    mkdirSync(join(out, 'manifests'));
    writeFileSync(join(out, 'manifests', 'mine.yaml'), 'kind: Mine\n');
    const refusal = (() => {
      try {
        prepareRenderDirectory(out);
        return undefined;
      } catch (error) {
        return error as Error & { hint?: string };
      }
    })();
    expect(refusal).toBeDefined();
    expect(exitCodeFor(refusal)).toBe(2);
    expect(refusal?.message).toContain(`--out ${out} is not empty`);
    expect(refusal?.hint).toContain('new or empty directory');
    expect(readFileSync(join(out, 'values', 'mine.yaml'), 'utf8')).toBe('my own values\n');
    expect(readFileSync(join(out, 'manifests', 'mine.yaml'), 'utf8')).toBe('kind: Mine\n');
    expect(existsSync(join(out, RENDER_MARKER))).toBe(false);
  });

  it('refuses a file given as --out', () => {
    const file = join(fresh(), 'file.txt');
    writeFileSync(file, 'x');
    expect(() => prepareRenderDirectory(file)).toThrow('is a file, not a directory');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('replaces values/ and manifests/ of a directory an earlier render marked, and nothing else', () => {
    const out = fresh();
    prepareRenderDirectory(out);
    writeFileSync(join(out, 'values', 'stale.yaml'), 'old\n');
    writeFileSync(join(out, 'manifests', 'stale.yaml'), 'old\n');
    writeFileSync(join(out, 'NOTES.md'), 'mine\n');
    prepareRenderDirectory(out);
    expect(readdirSync(join(out, 'values'))).toEqual([]);
    expect(readdirSync(join(out, 'manifests'))).toEqual([]);
    expect(readFileSync(join(out, 'NOTES.md'), 'utf8')).toBe('mine\n');
  });
});
