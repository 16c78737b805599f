import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHubfleet, STACK_TRACE } from './cli-harness.js';

const render = (out: string) => runHubfleet(['render', '-c', 'examples/quickstart.yaml', '--out', out]);

describe('hubfleet render --out: only ever replaces what render wrote', () => {
  it("refuses (exit 2) a non-empty directory it did not write, leaving the user's values/ as it was", async () => {
    const out = mkdtempSync(join(tmpdir(), 'hubfleet-render-users-'));
    mkdirSync(join(out, 'values'));
    writeFileSync(join(out, 'values', 'mine.yaml'), 'my: own values\n');
    const run = await render(out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: --out: --out ${out} is not empty`);
    expect(run.stderr).toContain('→ pass a new or empty directory');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(readFileSync(join(out, 'values', 'mine.yaml'), 'utf8')).toBe('my: own values\n');
    expect(existsSync(join(out, 'releases.json'))).toBe(false);
  });

  it('renders again into a directory it wrote, dropping files a release no longer has', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hubfleet-render-again-')), 'rendered');
    expect((await render(out)).code).toBe(0);
    expect(existsSync(join(out, '.hubfleet-render'))).toBe(true);
    writeFileSync(join(out, 'values', 'removed-release.yaml'), 'stale\n');
    const again = await render(out);
    expect(again.code, again.stderr).toBe(0);
    expect(existsSync(join(out, 'values', 'removed-release.yaml'))).toBe(false);
  });
});
