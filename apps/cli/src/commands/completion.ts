import { ExitCode, HubfleetError } from '@hubfleet/core';
import type { Command } from 'commander';

/** A command and what can follow it, read from the program itself so completion never goes stale. */
interface CommandWords {
  name: string;
  description: string;
  options: { flags: string[]; description: string; takesFile: boolean }[];
}

const FILE_ARGUMENTS = /<(file|dir)>/;

function wordsOf(program: Command): CommandWords[] {
  const walk = (command: Command, prefix: string): CommandWords[] =>
    command.commands.flatMap((child) => {
      const name = `${prefix}${child.name()}`;
      const own: CommandWords = {
        name,
        description: child.description(),
        options: [...child.options, ...program.options].map((option) => ({
          flags: [option.short, option.long].filter((flag): flag is string => flag !== undefined),
          description: option.description,
          takesFile: FILE_ARGUMENTS.test(option.flags),
        })),
      };
      return [own, ...walk(child, `${name} `)];
    });
  return walk(program, '');
}

const single = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function bash(commands: CommandWords[]): string {
  const top = commands.filter((command) => !command.name.includes(' ')).map((command) => command.name);
  const cases = commands.map((command) => {
    const flags = command.options.flatMap((option) => option.flags).join(' ');
    const subcommands = commands
      .filter((other) => other.name.startsWith(`${command.name} `))
      .map((other) => other.name.slice(command.name.length + 1));
    return `    ${single(command.name)}) words=${single([...subcommands, ...flags.split(' ')].join(' '))} ;;`;
  });
  const fileFlags = [
    ...new Set(
      commands.flatMap((command) => command.options.filter((o) => o.takesFile).flatMap((o) => o.flags)),
    ),
  ];
  return `# hubfleet completion for bash: source <(hubfleet completion bash)
_hubfleet() {
  local cur prev words path i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
    ${fileFlags.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
  esac
  path=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) path="\${path:+$path }\${COMP_WORDS[i]}" ;; esac
  done
  case "$path" in
    '') words=${single(top.join(' '))} ;;
${cases.join('\n')}
    *) words="" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _hubfleet hubfleet
`;
}

/**
 * Bash's function run through zsh's bashcompinit. Installed in `$fpath` as `_hubfleet`, the file is
 * the body of the function compinit autoloads on the first Tab: it registers the bash-style function
 * for later Tabs and completes this one too (else the first Tab would only define things). Sourced
 * (`source <(hubfleet completion zsh)` after compinit), it only registers.
 */
function zsh(commands: CommandWords[]): string {
  const body = bash(commands)
    .replace(/^# .*\n/, '')
    .replace(/^_hubfleet\(\)/m, '_hubfleet_bash()')
    .replace(/-F _hubfleet hubfleet$/m, '-F _hubfleet_bash hubfleet');
  return `#compdef hubfleet
# hubfleet completion for zsh: hubfleet completion zsh > "\${fpath[1]}/_hubfleet" (then compinit),
# or source <(hubfleet completion zsh) after compinit
autoload -U +X bashcompinit && bashcompinit
${body}if [[ \${funcstack[1]-} == _hubfleet ]]; then _bash_complete -o default -F _hubfleet_bash; fi
`;
}

function fish(commands: CommandWords[]): string {
  const top = commands.filter((command) => !command.name.includes(' '));
  const lines = top.map(
    (command) =>
      `complete -c hubfleet -n __fish_use_subcommand -f -a ${single(command.name)} -d ${single(command.description)}`,
  );
  for (const command of commands) {
    const parts = command.name.split(' ');
    const condition = `__fish_seen_subcommand_from ${parts.at(-1) ?? ''}`;
    // A command's own subcommands (`sim serve`), until one of them is on the line.
    const children = commands.filter(
      (other) =>
        other.name.startsWith(`${command.name} `) && other.name.split(' ').length === parts.length + 1,
    );
    const childNames = children.map((child) => child.name.split(' ').at(-1) ?? '');
    for (const child of children) {
      lines.push(
        `complete -c hubfleet -n ${single(`${condition}; and not __fish_seen_subcommand_from ${childNames.join(' ')}`)} -f -a ${single(child.name.split(' ').at(-1) ?? '')} -d ${single(child.description)}`,
      );
    }
    for (const option of command.options) {
      const long = option.flags.find((flag) => flag.startsWith('--'))?.slice(2);
      const short = option.flags.find((flag) => !flag.startsWith('--'))?.slice(1);
      const names = [long === undefined ? '' : `-l ${long}`, short === undefined ? '' : `-s ${short}`].filter(
        Boolean,
      );
      lines.push(
        `complete -c hubfleet -n ${single(condition)} ${names.join(' ')}${option.takesFile ? ' -r -F' : ''} -d ${single(option.description)}`,
      );
    }
  }
  return `# hubfleet completion for fish: hubfleet completion fish > ~/.config/fish/completions/hubfleet.fish
${lines.join('\n')}
`;
}

const SHELLS: Record<string, (commands: CommandWords[]) => string> = { bash, zsh, fish };

/** `hubfleet completion bash|zsh|fish`: a completion script for the commands and options as they are now. */
export function completionCommand(shell: string, program: Command): number {
  const render = SHELLS[shell];
  if (render === undefined) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `hubfleet has no completion for the shell "${shell}"`,
      hint: `use one of: ${Object.keys(SHELLS).join(', ')}`,
      subject: 'shell',
    });
  }
  process.stdout.write(render(wordsOf(program)));
  return ExitCode.ok;
}
