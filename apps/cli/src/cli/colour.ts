/**
 * Colour only for a person at a terminal: not when the stream is not a TTY, when `NO_COLOR` is set
 * to anything non-empty (no-color.org), with `--no-color` (which sets `NO_COLOR` for the whole run,
 * progress output included), or on a dumb terminal.
 */
export function colourEnabled(
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (stream.isTTY !== true) return false;
  if ((env.NO_COLOR ?? '') !== '') return false;
  return env.TERM !== 'dumb';
}

const CODES = { red: 31, green: 32, yellow: 33, cyan: 36, bold: 1, dim: 2 } as const;
export type Colour = keyof typeof CODES;

export function paint(text: string, colour: Colour, enabled: boolean): string {
  return enabled ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}

/** A plan as formatPlan wrote it, coloured by symbol: + green, ~ yellow, - and -/+ and ! red, diff lines likewise. */
export function colourPlan(text: string, enabled: boolean): string {
  if (!enabled) return text;
  return text
    .split('\n')
    .map((line) => {
      const step = /^ {2}([ !]) (\+|~|-\/\+|-|=) /.exec(line);
      const detail = /^ {10}([+!-]) /.exec(line);
      if (step?.[1] === '!' || detail?.[1] === '!') return paint(line, 'red', true);
      const symbol = step?.[2] ?? detail?.[1];
      if (symbol === '+') return paint(line, 'green', true);
      if (symbol === '~') return paint(line, 'yellow', true);
      if (symbol !== undefined) return paint(line, 'red', true);
      if (line.startsWith('Plan:') || line.startsWith('No changes:')) return paint(line, 'bold', true);
      return line;
    })
    .join('\n');
}
