import { type CallLog, createCallLog } from './call-log.js';
import type { Clock } from './clock.js';
import { createFaultInjector, type FaultInjector } from './faults.js';
import { type RunningService, type ServiceProtocol, startService } from './http-service.js';
import { shareStateAcrossProcesses } from './shared-state.js';
import { createStateStore } from './state-store.js';

/** What every fake's `start*Fake` takes besides its own settings. */
export interface StartFakeOptions {
  clock: Clock;
  faults?: FaultInjector;
  callLog?: CallLog;
  /** Persist the state here after every successful mutating call (sim mode); loaded from it when it exists. */
  stateFile?: string;
  /**
   * With `stateFile`: every request runs on the state as the file holds it, one at a time across the
   * processes serving it (`shareStateAcrossProcesses`). For S3 in sim mode, where the deployment lock lives.
   */
  shareState?: boolean;
  /** @default 0 (an ephemeral port) */
  port?: number;
  /** Called after every successful mutating call, once the state is saved (a sim reacting to changes). */
  afterMutation?: () => void;
}

export interface RunningFake<State, Fake> extends RunningService {
  state: State;
  fake: Fake;
  /** Persist the state now (a change made outside a request, e.g. a sim's out-of-band event). */
  save(): void;
}

/**
 * The one way a fake is served: its state loaded from (and saved to) `stateFile`, its protocol made
 * over that state by `createFake(state, save)`, and served on 127.0.0.1 with faults and a call log.
 * `save` is handed to the fake too, for fakes whose controllers change state between requests.
 */
export async function startFake<State extends object, Fake extends { protocol: ServiceProtocol }>(
  options: StartFakeOptions,
  createState: () => State,
  createFake: (state: State, save: () => void) => Fake,
): Promise<RunningFake<State, Fake>> {
  const store = createStateStore(createState, options.stateFile);
  const save = () => store.save();
  const fake = createFake(store.state, save);
  const shared = options.shareState === true && options.stateFile !== undefined;
  const service = await startService(
    shared ? shareStateAcrossProcesses(fake.protocol, store, options.stateFile as string) : fake.protocol,
    {
      clock: options.clock,
      faults: options.faults ?? createFaultInjector(),
      callLog: options.callLog ?? createCallLog(),
      // A shared state is saved inside the request's turn; saving again after it could overwrite another process's write.
      afterMutation: () => {
        if (!shared) save();
        options.afterMutation?.();
      },
    },
    options.port,
  );
  return { ...service, state: store.state, fake, save };
}
