import type { ApplyResult } from './apply.js';
import { summariseRun } from './apply-summary.js';
import { dependentsOf, remainingChainWeights } from './graph.js';
import type { Plan, PlanStep } from './plan-types.js';
import type { AnyResourceNode } from './resource.js';
import { runStep, type StepResult, type StepRuntime } from './run-step.js';
import type { StepRecord } from './step-record.js';
import { timingsOfRun } from './timings.js';

/** The state of one run of a plan; used once. */
export class DagRun {
  private readonly records = new Map<string, StepRecord>();
  private readonly stepById: Map<string, PlanStep>;
  private readonly dependents: Map<string, string[]>;
  private readonly unfinishedDependencies: Map<string, number>;
  private readonly priority: Map<string, number>;
  private readonly planIndex: Map<string, number>;
  /** For a skipped step, the failed step that caused it. */
  private readonly blockedBy = new Map<string, string>();
  private readonly onAbort = (): void => this.pump();
  private ready: string[] = [];
  private running = 0;
  private finished = false;
  private resolve: (result: ApplyResult) => void = () => {};

  constructor(
    private readonly plan: Plan,
    private readonly resources: ReadonlyMap<string, AnyResourceNode>,
    private readonly parallelism: number,
    private readonly runtime: StepRuntime,
  ) {
    this.stepById = new Map(plan.steps.map((step) => [step.id, step]));
    this.dependents = dependentsOf(plan.steps);
    this.unfinishedDependencies = new Map(plan.steps.map((step) => [step.id, step.dependsOn.length]));
    this.planIndex = new Map(plan.steps.map((step, index) => [step.id, index]));
    this.priority = remainingChainWeights(plan.steps, (id) => {
      const step = this.stepById.get(id);
      return step === undefined || step.action === 'noop' ? 0 : (step.typicalDurationMs ?? 1);
    });
  }

  run(): Promise<ApplyResult> {
    return new Promise((resolve) => {
      this.resolve = resolve;
      this.runtime.emit({
        type: 'plan-started',
        at: this.runtime.now(),
        deployment: this.plan.deployment,
        command: this.plan.command,
        parallelism: this.parallelism,
        steps: this.plan.steps
          .filter((step) => step.action !== 'noop')
          .map(({ id, kind, layer, action, dependsOn }) => ({
            id,
            kind,
            layer,
            action,
            dependsOn: [...dependsOn],
          })),
      });
      this.runtime.signal.addEventListener('abort', this.onAbort, { once: true });
      for (const step of this.plan.steps) {
        if (step.dependsOn.length === 0) this.becomeReady(step.id);
      }
      this.pump();
    });
  }

  private becomeReady(id: string): void {
    const step = this.stepById.get(id);
    if (step?.action === 'noop') {
      const at = this.runtime.now();
      this.settle(id, { outcome: 'unchanged', start: at, end: at, attempts: 0 });
      return;
    }
    this.ready.push(id);
  }

  private settle(id: string, record: StepRecord): void {
    this.records.set(id, record);
    for (const dependent of this.dependents.get(id) ?? []) {
      if (record.outcome === 'done' || record.outcome === 'unchanged') {
        const left = (this.unfinishedDependencies.get(dependent) ?? 1) - 1;
        this.unfinishedDependencies.set(dependent, left);
        if (left === 0) this.becomeReady(dependent);
      } else if (record.outcome === 'failed' || record.outcome === 'not-started') {
        this.skip(dependent, record.outcome === 'failed' ? id : (this.blockedBy.get(id) ?? id));
      }
    }
  }

  /** A step that needs a failed step does not start, nor does anything that needs it. */
  private skip(id: string, blockedBy: string): void {
    if (this.records.has(id)) return;
    this.blockedBy.set(id, blockedBy);
    if (this.stepById.get(id)?.action !== 'noop') {
      this.runtime.emit({
        type: 'step-skipped',
        at: this.runtime.now(),
        id,
        reason: 'dependency-failed',
        blockedBy,
      });
    }
    this.settle(id, { outcome: 'not-started', start: null, end: null, attempts: 0 });
  }

  private nextReady(): string | undefined {
    let best = 0;
    for (let index = 1; index < this.ready.length; index++) {
      if (this.isBefore(this.ready[index] as string, this.ready[best] as string)) best = index;
    }
    return this.ready.splice(best, 1)[0];
  }

  private isBefore(candidate: string, current: string): boolean {
    const byPriority = (this.priority.get(candidate) ?? 0) - (this.priority.get(current) ?? 0);
    if (byPriority !== 0) return byPriority > 0;
    return (this.planIndex.get(candidate) ?? 0) < (this.planIndex.get(current) ?? 0);
  }

  private pump(): void {
    if (this.finished) return;
    while (!this.runtime.signal.aborted && this.running < this.parallelism) {
      const id = this.nextReady();
      if (id === undefined) break;
      this.launch(id);
    }
    const nothingMoreToStart = this.runtime.signal.aborted || this.ready.length === 0;
    if (this.running === 0 && nothingMoreToStart) this.finish();
  }

  private launch(id: string): void {
    const step = this.stepById.get(id) as PlanStep;
    const resource = this.resources.get(id) as AnyResourceNode;
    this.running += 1;
    void runStep(step, resource, this.runtime).then((result: StepResult) => {
      this.running -= 1;
      const record: StepRecord = {
        outcome: result.outcome,
        start: result.start,
        end: result.end,
        attempts: result.attempts,
      };
      if (result.error !== undefined) record.error = result.error;
      this.settle(id, record);
      this.pump();
    });
  }

  private finish(): void {
    this.finished = true;
    this.runtime.signal.removeEventListener('abort', this.onAbort);
    for (const step of this.plan.steps) {
      if (this.records.has(step.id)) continue;
      if (step.action !== 'noop') {
        this.runtime.emit({
          type: 'step-skipped',
          at: this.runtime.now(),
          id: step.id,
          reason: 'interrupted',
        });
      }
      this.records.set(step.id, { outcome: 'not-started', start: null, end: null, attempts: 0 });
    }
    const summary = summariseRun(this.plan, this.records, this.runtime.signal.aborted);
    this.runtime.emit({ type: 'apply-finished', at: this.runtime.now(), summary });
    this.resolve({ summary, timings: timingsOfRun(this.plan, this.records) });
  }
}
