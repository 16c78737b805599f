import { createInterface } from 'node:readline';

/** Whether a person can answer a question: stdin and stderr (where it is asked) are terminals. */
export function canAsk(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

/** Ask on stderr (stdout may be piped) and read one line from the terminal. */
export function askOnTerminal(question: string): Promise<string> {
  const reader = createInterface({ input: process.stdin, output: process.stderr });
  return new Promise((resolve) => {
    reader.question(question, (answer) => {
      reader.close();
      resolve(answer);
    });
  });
}
