import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runHubfleet } from './cli-harness.js';

const run = promisify(execFile);

/** What the shell's own completion machinery offers for a command line typed so far (cursor at its end). */
type Complete = (line: string) => Promise<string[]>;

/** Lines typed, and every candidate a shell must offer for them, nothing else. */
const CASES: [line: string, expected: string[]][] = [
  ['hubfleet u', ['unlock', 'up']],
  ['hubfleet up --a', ['--allow-replace']],
  ['hubfleet plan --s', ['--sim', '--sim-speed']],
  ['hubfleet sim s', ['serve']],
  ['hubfleet sim serve --p', ['--provider']],
  ['hubfleet completion', ['completion']],
];

async function script(shell: string, directory: string, file: string): Promise<string> {
  const printed = await runHubfleet(['completion', shell]);
  expect(printed.code).toBe(0);
  const path = join(directory, file);
  writeFileSync(path, printed.stdout);
  return path;
}

/** A shell with its home in `directory`, reading no user configuration. */
function shellEnv(directory: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: directory,
    XDG_CONFIG_HOME: directory,
    XDG_DATA_HOME: directory,
    TERM: 'dumb',
  };
}

/**
 * bash: source the script, then do what bash does on Tab: find the function `complete -p hubfleet`
 * names and call it with COMP_WORDS / COMP_CWORD for the line.
 */
function bashCompletion(directory: string, file: string): Complete {
  return async (line) => {
    const words = line.split(' ');
    const program = [
      `source ${JSON.stringify(file)}`,
      `fn=$(complete -p hubfleet | sed -n 's/.*-F \\([^ ]*\\) hubfleet$/\\1/p')`,
      `COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      `COMP_LINE=${JSON.stringify(line)}`,
      `COMP_POINT=${line.length}`,
      '"$fn"',
      `printf '%s\\n' "\${COMPREPLY[@]}"`,
    ].join('\n');
    const { stdout } = await run('bash', ['--norc', '--noprofile', '-c', program], {
      env: shellEnv(directory),
    });
    return stdout.split('\n').filter(Boolean);
  };
}

/**
 * zsh: an interactive zsh in a pseudo-terminal (zsh/zpty) with compinit, the line typed and Tab
 * pressed. `compadd` is wrapped to write every match it is given (after zsh's own prefix matching) to
 * a file; the shell exits after the completion (`comppostfuncs`), which ends the read: no timing.
 * `install` is how the user installed the script: as `_hubfleet` in `$fpath` (the documented way:
 * compinit autoloads it on the first Tab) or sourced after compinit.
 */
function zshCompletion(directory: string, file: string, install: 'fpath' | 'source'): Complete {
  const setup = join(directory, `setup-${install}.zsh`);
  writeFileSync(
    setup,
    [
      "PROMPT=''",
      install === 'fpath' ? `fpath=(${JSON.stringify(directory)} $fpath)` : '',
      `autoload -U compinit && compinit -u -d ${JSON.stringify(join(directory, 'zcompdump'))}`,
      install === 'source' ? `source ${JSON.stringify(file)}` : '',
      'compadd() {',
      '  local -a hits',
      '  builtin compadd -O hits "$@"',
      '  (( $#hits )) && print -rl -- $hits >> $HUBFLEET_HITS',
      '  builtin compadd "$@"',
      '}',
      'comppostfuncs=(exit)',
      "bindkey '^I' complete-word",
    ].join('\n'),
  );
  const driver = [
    'zmodload zsh/zpty',
    'zpty shell zsh -f -i',
    `zpty -w shell ${JSON.stringify(`source ${setup}`)}`,
    `zpty -w -n shell "$1"$'\\t'`,
    'while zpty -r shell line; do :; done',
    'zpty -d shell',
  ].join('\n');
  let count = 0;
  return async (line) => {
    count += 1;
    const hits = join(directory, `hits-${install}-${count}`);
    writeFileSync(hits, '');
    await run('zsh', ['-f', '-c', driver, 'zsh', line], {
      env: { ...shellEnv(directory), HUBFLEET_HITS: hits },
    });
    return readFileSync(hits, 'utf8').split('\n').filter(Boolean);
  };
}

/** fish: load the script and ask `complete -C` (what fish runs on Tab) for the candidates. */
function fishCompletion(directory: string, file: string): Complete {
  return async (line) => {
    const { stdout } = await run(
      'fish',
      ['--no-config', '-c', `source $argv[1]; complete -C $argv[2]`, file, line],
      {
        env: shellEnv(directory),
        cwd: directory,
      },
    );
    return stdout
      .split('\n')
      .filter(Boolean)
      .map((candidate) => candidate.split('\t')[0] ?? '');
  };
}

describe('`hubfleet completion` scripts, run by the real shells', () => {
  const directory = mkdtempSync(join(tmpdir(), 'hubfleet-completion-shells-'));
  const shells: Record<string, Complete> = {};

  beforeAll(async () => {
    shells.bash = bashCompletion(directory, await script('bash', directory, 'hubfleet.bash'));
    // `$fpath`'s file name is the completion function's: `_hubfleet`.
    const zsh = await script('zsh', directory, '_hubfleet');
    shells['zsh (in $fpath)'] = zshCompletion(directory, zsh, 'fpath');
    shells['zsh (sourced)'] = zshCompletion(directory, zsh, 'source');
    shells.fish = fishCompletion(directory, await script('fish', directory, 'hubfleet.fish'));
  });

  for (const shell of ['bash', 'zsh (in $fpath)', 'zsh (sourced)', 'fish']) {
    it.each(CASES)(`${shell}: "%s" offers %j`, async (line, expected) => {
      const complete = shells[shell];
      if (complete === undefined) throw new Error(`no ${shell}`);
      expect((await complete(line)).sort()).toEqual([...expected].sort());
    });
  }
});
