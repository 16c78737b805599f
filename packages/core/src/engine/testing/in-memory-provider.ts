import { HubfleetError } from '../../errors/index.js';
import type {
  ChangeAction,
  FieldChange,
  PlanValue,
  ResourceDiff,
  ResourceLayer,
  ResourceNode,
  SafetyFacts,
  StepContext,
} from '../resource.js';
import { interruptedError, type Sleep, sleepOnTimers } from '../retry.js';

/**
 * An in-memory cloud for engine tests and the engine benchmark: resources take a configurable time
 * to become ready, failures can be scripted, and every call is recorded so tests can assert on
 * ordering, retries and duplicates. Time passes on its own, like a real cloud's: an interrupted run
 * leaves a resource `creating`, and it is `active` when observed later.
 */

/** The fields of a resource, as the config asks for them and as the world holds them. */
export type InMemorySpec = Record<string, PlanValue>;

/** A failure the world plays back the next `times` calls of one phase of one resource. */
export interface ScriptedFailure {
  during: 'observe' | 'apply' | 'wait';
  times: number;
  /** The error to throw. Leave out with `hang: true`. */
  error?: () => Error;
  /** Never finish (until aborted): for timeouts and interruptions. */
  hang?: boolean;
}

/** How one resource of the world behaves. */
export interface InMemoryResourceOptions {
  /** `<kind>/<name>`; the kind defaults to the part before the slash. */
  id: string;
  kind?: string;
  /** @default 'cloud' */
  layer?: ResourceLayer;
  dependsOn?: readonly string[];
  /** What the config asks for. @default {} */
  spec?: InMemorySpec;
  /** Fields that cannot change in place: a difference there means `replace`. */
  replaceOn?: readonly string[];
  /** Fields whose values are secrets. */
  secretFields?: readonly string[];
  /** Time from create, update or replace until ready. @default 0 */
  durationMs?: number;
  /** Time from delete until gone. @default durationMs */
  deleteDurationMs?: number;
  /** Facts for the safety gate; `userPods` comes from the world (see `setUserPods`). */
  safety?: Omit<SafetyFacts, 'userPods'>;
  failures?: readonly ScriptedFailure[];
  timeoutMs?: number;
  typicalDurationMs?: number;
  waitingOn?: string;
}

export type InMemoryStatus = 'creating' | 'updating' | 'active' | 'deleting';

/** What the world holds for one resource. */
export interface InMemoryEntry {
  spec: InMemorySpec;
  status: InMemoryStatus;
  /** When the current transition completes, in the world's time. */
  settlesAt: number;
  userPods: number;
}

/** What `observe` returns: a copy of the entry. */
export type InMemoryObserved = Readonly<InMemoryEntry>;

export type WorldOperation = 'observe' | 'create' | 'update' | 'delete' | 'wait' | 'ready' | 'gone';

/** One recorded call, numbered in the order calls happened. */
export interface WorldCall {
  sequence: number;
  at: number;
  operation: WorldOperation;
  id: string;
}

export interface InMemoryWorldOptions {
  /** @default Date.now */
  now?: () => number;
  /** How resources wait for time to pass. @default Node's timers */
  sleep?: Sleep;
}

const STATUS_CHANGE: FieldChange['field'] = 'status';

function hangUntilAborted(signal: AbortSignal, id: string): Promise<never> {
  return new Promise((_, reject) => {
    const stop = (): void => reject(HubfleetError.is(signal.reason) ? signal.reason : interruptedError(id));
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}

function sameValue(left: PlanValue | undefined, right: PlanValue | undefined): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/** The in-memory cloud. Create one per test. */
export class InMemoryWorld {
  /** Every call, in order. */
  readonly calls: WorldCall[] = [];
  private readonly entries = new Map<string, InMemoryEntry>();
  private readonly scripts = new Map<string, ScriptedFailure[]>();
  private readonly activeSteps = new Set<string>();
  private highestActiveSteps = 0;
  private readonly now: () => number;
  private readonly sleep: Sleep;

  constructor(options: InMemoryWorldOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleepOnTimers;
  }

  /** The most steps that were acting or waiting at the same moment. */
  get maxConcurrentSteps(): number {
    return this.highestActiveSteps;
  }

  /** A resource of this world, for the engine. */
  resource(options: InMemoryResourceOptions): ResourceNode<InMemoryObserved> {
    if (options.failures !== undefined) this.script(options.id, ...options.failures);
    return new InMemoryResource(this, options);
  }

  /** Put a resource in the world as if an earlier run had made it. */
  seed(id: string, spec: InMemorySpec, extra: Partial<Omit<InMemoryEntry, 'spec'>> = {}): void {
    this.entries.set(id, {
      spec: { ...spec },
      status: 'active',
      settlesAt: this.now(),
      userPods: 0,
      ...extra,
    });
  }

  /** Add scripted failures for a resource, played back in order. */
  script(id: string, ...failures: ScriptedFailure[]): void {
    this.scripts.set(id, [...(this.scripts.get(id) ?? []), ...failures.map((failure) => ({ ...failure }))]);
  }

  setUserPods(id: string, userPods: number): void {
    const entry = this.entries.get(id);
    if (entry !== undefined) entry.userPods = userPods;
  }

  /** The entry as it is now (transitions that are due are completed first). */
  get(id: string): InMemoryObserved | undefined {
    this.settleIfDue(id);
    const entry = this.entries.get(id);
    return entry === undefined ? undefined : { ...entry, spec: { ...entry.spec } };
  }

  /** Ids of every resource that exists now. */
  existing(): string[] {
    for (const id of [...this.entries.keys()]) this.settleIfDue(id);
    return [...this.entries.keys()].sort();
  }

  /** Recorded calls of one operation, optionally for one resource. */
  callsOf(operation: WorldOperation, id?: string): WorldCall[] {
    return this.calls.filter((call) => call.operation === operation && (id === undefined || call.id === id));
  }

  /** @internal used by the resources of this world */
  record(operation: WorldOperation, id: string): void {
    this.calls.push({ sequence: this.calls.length + 1, at: this.now(), operation, id });
  }

  /** @internal throws or hangs when a failure is scripted for this call */
  async playScript(id: string, during: ScriptedFailure['during'], signal?: AbortSignal): Promise<void> {
    const failure = this.scripts
      .get(id)
      ?.find((candidate) => candidate.during === during && candidate.times > 0);
    if (failure === undefined) return;
    failure.times -= 1;
    if (failure.hang === true) await hangUntilAborted(signal ?? new AbortController().signal, id);
    if (failure.error !== undefined) throw failure.error();
  }

  /** @internal */
  startStep(id: string): void {
    this.activeSteps.add(id);
    this.highestActiveSteps = Math.max(this.highestActiveSteps, this.activeSteps.size);
  }

  /** @internal */
  endStep(id: string): void {
    this.activeSteps.delete(id);
  }

  /** @internal */
  change(id: string, entry: InMemoryEntry | undefined): void {
    if (entry === undefined) this.entries.delete(id);
    else this.entries.set(id, entry);
  }

  /** @internal the current time of the world */
  time(): number {
    return this.now();
  }

  /** @internal waits until the resource's transition completes */
  async waitUntilSettled(id: string, signal: AbortSignal): Promise<void> {
    for (;;) {
      this.settleIfDue(id);
      const entry = this.entries.get(id);
      if (entry === undefined || entry.status === 'active') return;
      // Timers may fire a little before the wall clock reaches the deadline: wait again.
      await this.sleep(Math.max(1, entry.settlesAt - this.now()), signal);
    }
  }

  private settleIfDue(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined || entry.status === 'active' || entry.settlesAt > this.now()) return;
    if (entry.status === 'deleting') {
      this.entries.delete(id);
      this.record('gone', id);
    } else {
      entry.status = 'active';
      this.record('ready', id);
    }
  }
}

class InMemoryResource implements ResourceNode<InMemoryObserved> {
  readonly id: string;
  readonly kind: string;
  readonly layer: ResourceLayer;
  readonly dependsOn: readonly string[];
  readonly waitingOn?: string;
  readonly typicalDurationMs?: number;
  readonly timeoutMs?: number;
  private readonly spec: InMemorySpec;

  constructor(
    private readonly world: InMemoryWorld,
    private readonly options: InMemoryResourceOptions,
  ) {
    this.id = options.id;
    this.kind = options.kind ?? options.id.split('/')[0] ?? options.id;
    this.layer = options.layer ?? 'cloud';
    this.dependsOn = [...(options.dependsOn ?? [])];
    this.spec = { ...(options.spec ?? {}) };
    if (options.waitingOn !== undefined) this.waitingOn = options.waitingOn;
    if (options.typicalDurationMs !== undefined) this.typicalDurationMs = options.typicalDurationMs;
    if (options.timeoutMs !== undefined) this.timeoutMs = options.timeoutMs;
  }

  async observe(): Promise<InMemoryObserved | undefined> {
    this.world.record('observe', this.id);
    await this.world.playScript(this.id, 'observe');
    return this.world.get(this.id);
  }

  diff(observed: InMemoryObserved | undefined): ResourceDiff {
    if (observed === undefined) return { action: 'create', reason: 'does not exist', changes: [] };
    const changes = this.fieldChanges(observed.spec);
    const replaceOn = this.options.replaceOn ?? [];
    const replaced = changes
      .filter((change) => replaceOn.includes(change.field))
      .map((change) => change.field);
    if (replaced.length > 0) {
      return { action: 'replace', reason: `${replaced.join(', ')} cannot change in place`, changes };
    }
    if (changes.length > 0) {
      return { action: 'update', reason: `${changes.length} field(s) differ`, changes };
    }
    if (observed.status !== 'active') {
      return {
        action: 'update',
        reason: `still ${observed.status} after an earlier run: wait until it is ready`,
        changes: [{ field: STATUS_CHANGE, from: observed.status, to: 'active' }],
      };
    }
    return { action: 'noop', reason: 'matches the config', changes: [] };
  }

  async apply(
    action: ChangeAction,
    observed: InMemoryObserved | undefined,
    context: StepContext,
  ): Promise<void> {
    this.world.startStep(this.id);
    try {
      await this.world.playScript(this.id, 'apply', context.signal);
      this.act(action, observed);
    } catch (error) {
      this.world.endStep(this.id);
      throw error;
    }
  }

  async waitReady(_action: ChangeAction, context: StepContext): Promise<void> {
    try {
      this.world.record('wait', this.id);
      await this.world.playScript(this.id, 'wait', context.signal);
      await this.world.waitUntilSettled(this.id, context.signal);
    } finally {
      this.world.endStep(this.id);
    }
  }

  safetyFacts(observed: InMemoryObserved | undefined): SafetyFacts {
    return { ...(this.options.safety ?? {}), userPods: observed?.userPods ?? 0 };
  }

  private fieldChanges(observed: InMemorySpec): FieldChange[] {
    const fields = [...new Set([...Object.keys(observed), ...Object.keys(this.spec)])].sort();
    return fields.flatMap((field): FieldChange[] => {
      const from = observed[field];
      const to = this.spec[field];
      if (sameValue(from, to)) return [];
      const change: FieldChange = { field };
      if (from !== undefined) change.from = from;
      if (to !== undefined) change.to = to;
      if (this.options.secretFields?.includes(field) === true) change.secret = true;
      return [change];
    });
  }

  private act(action: ChangeAction, observed: InMemoryObserved | undefined): void {
    const now = this.world.time();
    const duration = this.options.durationMs ?? 0;
    const userPods = observed?.userPods ?? 0;
    if (action === 'create' && this.world.get(this.id) !== undefined) {
      throw new HubfleetError({ kind: 'conflict', message: `${this.id} already exists.`, subject: this.id });
    }
    if (action === 'delete') {
      const current = this.world.get(this.id);
      // Already going (an earlier run was interrupted while waiting): nothing to ask the cloud, just wait.
      if (current === undefined || current.status === 'deleting') return;
      this.world.record('delete', this.id);
      const settlesAt = now + (this.options.deleteDurationMs ?? duration);
      this.world.change(this.id, { ...current, status: 'deleting', settlesAt });
      return;
    }
    if (action === 'update' && observed !== undefined && this.fieldChanges(observed.spec).length === 0) {
      return; // only left unfinished by an earlier run: nothing to ask the cloud, just wait
    }
    if (action === 'replace') this.world.record('delete', this.id);
    this.world.record(action === 'update' ? 'update' : 'create', this.id);
    const status: InMemoryStatus = action === 'update' ? 'updating' : 'creating';
    const keptPods = action === 'update' ? userPods : 0;
    this.world.change(this.id, {
      spec: { ...this.spec },
      status,
      settlesAt: now + duration,
      userPods: keptPods,
    });
  }
}
