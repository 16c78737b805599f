export interface InterruptHandle {
  /** Aborted on the first SIGINT or SIGTERM: the engine stops launching steps and lets in-flight ones reach a safe point. */
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

/** First SIGINT/SIGTERM: stop gracefully. Second: exit at once with code 130. */
export function handleInterrupts(options: InterruptOptions = {}): InterruptHandle {
  const source = options.source ?? process;
  const exitNow = options.exitNow ?? ((code: number) => process.exit(code));
  const notify = options.notify ?? ((message: string) => process.stderr.write(`${message}\n`));
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
  source.on('SIGINT', onSignal);
  source.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      source.off('SIGINT', onSignal);
      source.off('SIGTERM', onSignal);
    },
  };
}
