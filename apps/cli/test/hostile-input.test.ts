import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runHubfleet, STACK_TRACE } from './cli-harness.js';

const directory = mkdtempSync(join(tmpdir(), 'hubfleet-hostile-'));

/** Lines of `text` long enough to be recognisable, none of which may appear in the output. */
function distinctiveLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim().length >= 6);
}

async function validate(file: string) {
  const run = await runHubfleet(['validate', '-c', file]);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  return { ...run, printed: run.stdout + run.stderr };
}

describe('validate never echoes what is not config', () => {
  it('validate -c /etc/passwd exits 2 and prints no line of that file', async () => {
    const passwd = readFileSync('/etc/passwd', 'utf8');
    const run = await validate('/etc/passwd');
    expect(run.code).toBe(2);
    for (const line of distinctiveLines(passwd)) expect(run.printed).not.toContain(line);
    for (const field of passwd.split(/[:\n]/).filter((part) => part.length >= 4 && part !== 'passwd')) {
      expect(run.printed).not.toContain(field);
    }
  });

  it('a shadow-format file whose lines parse as YAML keys (and a symlink to it): refused without quoting it', async () => {
    const shadow = [
      'root: "$6$rounds=5000$Kx1ZpQw3$4bG7cJ9dHq2mN8vR1tY6uW0eS5aL3kP9oI7jF2hD4gC6bX8zV1nM5qA3sE7wT9yU0iO2pL4kJ6hG8fD0sA2:19000:0:99999:7:::"',
      'daemon: "*:19000:0:99999:7:::"',
      'operator-on-call: $y$j9T$secretsalt$hashedpasswordvalue0123456789',
      '',
    ].join('\n');
    const file = join(directory, 'shadow');
    writeFileSync(file, shadow);
    const link = join(directory, 'hubfleet.yaml');
    symlinkSync(file, link);
    for (const path of [file, link]) {
      const run = await validate(path);
      expect(run.code).toBe(2);
      expect(run.printed).toContain('is not a hubfleet config');
      expect(run.printed).toContain('its content is not shown');
      for (const secret of [
        '$6$rounds',
        'Kx1ZpQw3',
        'hashedpasswordvalue',
        'operator-on-call',
        'daemon',
        'root',
      ]) {
        expect(run.printed).not.toContain(secret);
      }
    }
  });

  it('binary input is named as binary, and nothing of it is printed', async () => {
    const file = join(directory, 'binary.yaml');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('apiVersion: hubfleet/v1\nname: '),
        Buffer.from([0, 1, 2, 0xff, 0xfe]),
        Buffer.from('\n'),
      ]),
    );
    const run = await validate(file);
    expect(run.code).toBe(2);
    expect(run.printed).toContain('the file is binary');
    expect(run.printed).not.toContain('\u0000');
  });

  it('keys and values with escape sequences, NUL, CR and right-to-left marks are escaped and cut', async () => {
    const base = readFileSync(join(repoRoot, 'examples/quickstart.yaml'), 'utf8');
    const hostile = base.replace(
      'name: quickstart',
      `name: quickstart\n"evil\\e]0;owned\\a\\e[2Jkey\\u202Eexe": 1\nlong${'x'.repeat(500)}: 2\nextra: "\\e[31mred\\0nul\\rcr"`,
    );
    const file = join(directory, 'hostile.yaml');
    writeFileSync(file, hostile);
    const run = await validate(file);
    expect(run.code).toBe(2);
    expect(run.printed).toContain('unknown field "evil\\x1b]0;owned\\x07\\x1b[2Jkey\\u202eexe"');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none reach the terminal
    expect(run.printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(run.printed).toContain(`unknown field "long${'x'.repeat(56)}…"`);
    expect(run.printed).not.toContain('x'.repeat(100));
  });
});
