/** The three ways to show progress. */
export type ProgressRendererKind = 'live' | 'plain' | 'json';

export interface RendererChoiceInput {
  /** Whether stdout, where progress is drawn, is a terminal (`process.stdout.isTTY === true`). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** The command's `--output`. */
  output: 'text' | 'json';
}

/** `NO_COLOR` counts when set to anything but the empty string (https://no-color.org). */
function noColor(env: RendererChoiceInput['env']): boolean {
  return env.NO_COLOR !== undefined && env.NO_COLOR !== '';
}

/** `CI` counts when set to anything but empty, `0` or `false`, as CI services set it. */
function onCi(env: RendererChoiceInput['env']): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/**
 * `json` for `--output json`; a live task list on an interactive terminal; plain timestamped lines
 * when the output is not a terminal, on CI, with NO_COLOR or on a dumb terminal.
 */
export function chooseRenderer(input: RendererChoiceInput): ProgressRendererKind {
  if (input.output === 'json') return 'json';
  if (!input.isTTY || noColor(input.env) || onCi(input.env) || input.env.TERM === 'dumb') return 'plain';
  return 'live';
}
