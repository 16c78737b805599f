import type {
  ApplySummary,
  EngineEvent,
  PlanStartedEvent,
  StepAction,
  StepFailedEvent,
  StepFinishedEvent,
  StepRetryEvent,
  StepSkippedEvent,
  StepStartedEvent,
} from '@hubfleet/core';
import { formatApplySummary, formatDuration } from '@hubfleet/core/engine';
import {
  type DefaultRenderer,
  Listr,
  ListrLogger,
  type ListrTaskWrapper,
  ProcessOutput,
  type SimpleRenderer,
} from 'listr2';
import { describeError, describeWaiting } from './describe-step.js';
import type { ProgressRenderer } from './progress-renderer.js';

type StepWrapper = ListrTaskWrapper<unknown, typeof DefaultRenderer, typeof SimpleRenderer>;

/** How a step ends in the list. */
type StepEnd =
  | { kind: 'done'; title: string }
  | { kind: 'failed'; title: string; message: string }
  | { kind: 'skipped'; message: string };

/** One row of the task list, fed by events, drawn by listr2. */
class StepRow {
  private wrapper: StepWrapper | undefined;
  private started: StepStartedEvent | undefined;
  private settle: ((end: StepEnd) => void) | undefined;
  private readonly ended: Promise<StepEnd>;
  private title: string;
  private output = '';

  constructor(readonly step: PlanStartedEvent['steps'][number]) {
    this.title = `${step.id}  ${step.action} · queued`;
    this.ended = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  /** The listr2 task body: shows the row and ends the way the step ends. */
  async run(wrapper: StepWrapper): Promise<void> {
    this.wrapper = wrapper;
    this.draw();
    const end = await this.ended;
    if (end.kind === 'skipped') {
      wrapper.skip(end.message);
      return;
    }
    wrapper.title = end.title;
    // listr2 shows a thrown error inline under the row.
    if (end.kind === 'failed') throw new Error(end.message);
  }

  start(event: StepStartedEvent): void {
    this.started = event;
    this.tick(event.at);
  }

  /** Refresh the elapsed time of a running step. */
  tick(now: number): void {
    if (this.started === undefined) return;
    const elapsed = formatDuration(Math.max(0, now - this.started.at));
    this.title = `${this.step.id}  ${this.step.action} · ${elapsed} · ${describeWaiting(this.started)}`;
    this.draw();
  }

  note(text: string): void {
    this.output = text;
    this.draw();
  }

  end(end: StepEnd): void {
    this.started = undefined;
    this.settle?.(end);
  }

  get running(): boolean {
    return this.started !== undefined;
  }

  private draw(): void {
    if (this.wrapper === undefined) return;
    this.wrapper.title = this.title;
    if (this.output !== '') this.wrapper.output = this.output;
  }
}

function describeRetry(event: StepRetryEvent): string {
  return `attempt ${event.attempt} in ${formatDuration(event.delayMs)} after: ${describeError(event.error)}`;
}

/** How a row ends, from the event that ended its step. */
function endOf(event: StepFinishedEvent | StepFailedEvent | StepSkippedEvent, action: StepAction): StepEnd {
  if (event.type === 'step-skipped') {
    const why =
      event.reason === 'dependency-failed'
        ? `needs ${event.blockedBy ?? 'a step'}, which failed`
        : 'interrupted';
    return { kind: 'skipped', message: `${event.id}  not started: ${why}` };
  }
  const took = formatDuration(event.durationMs);
  if (event.type === 'step-failed') {
    return {
      kind: 'failed',
      title: `${event.id}  ${action} failed after ${took}`,
      message: `${event.id}  failed: ${describeError(event.error)}`,
    };
  }
  if (event.outcome === 'interrupted')
    return { kind: 'skipped', message: `${event.id}  interrupted after ${took}` };
  const what = event.outcome === 'unchanged' ? 'nothing to do' : `${event.action} done`;
  return { kind: 'done', title: `${event.id}  ${what} in ${took}` };
}

export interface LiveRendererOptions {
  /** Where the list is drawn; listr2 draws live only when process.stdout is a terminal. @default process.stdout */
  stream?: NodeJS.WriteStream;
  /** @default Date.now */
  now?: () => number;
}

/**
 * A live task list for an interactive terminal, drawn by listr2: one row per step with its elapsed
 * time, what it is waiting on and how long that usually takes; retries and failures show inline.
 * listr2's own SIGINT handling stays off: interruption belongs to the command.
 */
export function createLiveRenderer(options: LiveRendererOptions = {}): ProgressRenderer {
  const stream = options.stream ?? process.stdout;
  const now = options.now ?? Date.now;
  const rows = new Map<string, StepRow>();
  let listing: Promise<unknown> | undefined;
  let summary: ApplySummary | undefined;
  let ticker: NodeJS.Timeout | undefined;
  const logger = () => new ListrLogger({ useIcons: true, processOutput: new ProcessOutput(stream, stream) });

  const begin = (event: PlanStartedEvent): void => {
    for (const step of event.steps) rows.set(step.id, new StepRow(step));
    const list = new Listr(
      [...rows.values()].map((row) => ({
        title: row.step.id,
        task: (_: unknown, wrapper: StepWrapper) => row.run(wrapper),
      })),
      {
        concurrent: true,
        exitOnError: false,
        registerSignalListeners: false,
        rendererOptions: { collapseErrors: false, showErrorMessage: true, logger: logger() },
        fallbackRendererOptions: { logger: logger() },
      },
    );
    listing = list.run().catch(() => undefined);
    ticker = setInterval(() => {
      for (const row of rows.values()) row.tick(now());
    }, 1_000);
    ticker.unref();
  };

  const onEvent = (event: EngineEvent): void => {
    if (event.type === 'plan-started') {
      begin(event);
      return;
    }
    if (event.type === 'apply-finished') {
      summary = event.summary;
      for (const row of rows.values()) row.end({ kind: 'skipped', message: `${row.step.id}  not started` });
      return;
    }
    const row = rows.get(event.id);
    if (row === undefined) return;
    if (event.type === 'step-started') row.start(event);
    else if (event.type === 'step-retry') row.note(describeRetry(event));
    else row.end(endOf(event, row.step.action));
  };

  return {
    onEvent,
    async close() {
      await listing;
      clearInterval(ticker);
      if (summary !== undefined) stream.write(`\n${formatApplySummary(summary)}\n`);
    },
  };
}
