import { createInterface } from 'node:readline';
import { HubfleetError } from '@hubfleet/core';

/**
 * Whether a person can answer a question: stdin is a terminal. Where stdout or stderr go (a pipe to
 * `tail`, a file) changes nothing; without a terminal on stdin nothing is ever taken as a yes.
 */
export function canAsk(): boolean {
  return process.stdin.isTTY === true;
}

export interface AskStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Whether the input is a terminal (readline then reads keys, and Ctrl-C reaches it as 'SIGINT'). */
  terminal: boolean;
}

function stoppedAtQuestion(): HubfleetError {
  return new HubfleetError({
    kind: 'refused',
    message: 'stopped at the question (Ctrl-C or end of input): nothing was changed',
    hint: 'run the command again and answer, or pass --yes',
  });
}

/**
 * Ask on stderr (stdout may be piped) and read one line from the terminal. Ctrl-C or the end of the
 * input (Ctrl-D) rejects with a `refused` error (exit 3) instead of leaving the question open forever.
 */
export function askOnTerminal(
  question: string,
  streams: AskStreams = { input: process.stdin, output: process.stderr, terminal: canAsk() },
): Promise<string> {
  const reader = createInterface({
    input: streams.input,
    output: streams.output,
    terminal: streams.terminal,
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      reader.close();
      finish();
    };
    reader.on('SIGINT', () => settle(() => reject(stoppedAtQuestion())));
    reader.on('close', () => settle(() => reject(stoppedAtQuestion())));
    reader.question(question, (answer) => settle(() => resolve(answer)));
  });
}
