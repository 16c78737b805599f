/**
 * The signals that stop a run. SIGHUP (the terminal closed, an ssh session dropped) is one more way
 * to be told to stop: handled like SIGTERM, so the run ends at a safe point, releases its lock and
 * removes its private files, instead of dying mid-step.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface InterruptHandle {
  /** Aborted on the first SIGINT, SIGTERM or SIGHUP: the engine stops launching steps and lets in-flight ones reach a safe point. */
  signal: AbortSignal;
  dispose(): void;
}

export interface InterruptOptions {
  /** Where the signals come from (the process, in the CLI). */
  source?: Pick<NodeJS.Process, 'on' | 'off'>;
  /** Called on the second signal: leave now. */
  exitNow?: (code: number) => void;
  notify?: (message: string) => void;
}

/** First SIGINT/SIGTERM/SIGHUP: stop gracefully (the run then exits 130). Second: exit at once with code 130. */
export function handleInterrupts(options: InterruptOptions = {}): InterruptHandle {
  const source = options.source ?? process;
  const exitNow = options.exitNow ?? ((code: number) => process.exit(code));
  const notify =
    options.notify ??
    ((message: string) => {
      // After SIGHUP the terminal may be gone: a failed write must not end the run before its safe point.
      if (process.stderr.listenerCount('error') === 0) process.stderr.on('error', () => {});
      process.stderr.write(`${message}\n`);
    });
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      notify(
        `${signal} again: exiting now; in-flight cloud operations continue on their own, re-run to converge`,
      );
      exitNow(130);
      return;
    }
    notify(`${signal}: finishing the steps in flight, starting no new ones (press Ctrl-C again to exit now)`);
    controller.abort(new Error(`interrupted by ${signal}`));
  };
  for (const name of STOP_SIGNALS) source.on(name, onSignal);
  return {
    signal: controller.signal,
    dispose() {
      for (const name of STOP_SIGNALS) source.off(name, onSignal);
    },
  };
}
