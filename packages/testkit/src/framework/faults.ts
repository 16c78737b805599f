/**
 * Faults a fake can inject before handling a call. Each service renders them in its own wire
 * protocol (an EKS 429 is JSON with x-amzn-errortype; an EC2 one is XML RequestLimitExceeded).
 */
export type FaultKind =
  | 'throttle' // 429 / the service's throttling error
  | 'server-error' // 500
  | 'unavailable' // 503
  | 'drop' // the connection is destroyed without a response
  | 'quota'; // the service's quota / limit error (not retryable)

/**
 * What a script can inject: every FaultKind, and `lost-reply`: the call is carried out (its state
 * change is kept and saved), then the connection is destroyed without a response, as when a reply
 * is lost on the way back. Only scripted, never part of a random rate: a rate would then make
 * resources behind the test's back.
 */
export type ScriptedFaultKind = FaultKind | 'lost-reply';

export interface ScriptedFault {
  /** `service.operation`, e.g. `eks.CreateNodegroup`; `*` for every operation of every service. */
  operation: string;
  fault: ScriptedFaultKind;
  /** How many calls to fail; then the operation behaves normally. */
  times: number;
}

export interface FaultPlan {
  /** Probability (0..1) that any call fails with a transient fault (throttle, 500, 503, drop). */
  rate?: number;
  /** Seed for the random faults, so a failing run can be replayed. */
  seed?: number;
  scripted?: ScriptedFault[];
}

/** mulberry32: small, seedable, good enough to choose faults. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRANSIENT: readonly FaultKind[] = ['throttle', 'server-error', 'unavailable', 'drop'];

export interface FaultInjector {
  /**
   * The fault that replaces this call, if any. A scripted `lost-reply` is left for `take`: a caller
   * that cannot run a call and then lose its reply never consumes one.
   */
  next(service: string, operation: string): FaultKind | undefined;
  /** The fault for this call, `lost-reply` included (what `startService` asks). */
  take(service: string, operation: string): ScriptedFaultKind | undefined;
  script(fault: ScriptedFault): void;
  setRate(rate: number): void;
}

export function createFaultInjector(plan: FaultPlan = {}): FaultInjector {
  const random = seededRandom(plan.seed ?? 1);
  const scripted = (plan.scripted ?? []).map((fault) => ({ ...fault }));
  let rate = plan.rate ?? 0;
  function pick(service: string, operation: string, lostReply: boolean): ScriptedFaultKind | undefined {
    const name = `${service}.${operation}`;
    const match = scripted.find(
      (fault) =>
        fault.times > 0 &&
        (fault.operation === name || fault.operation === '*') &&
        (lostReply || fault.fault !== 'lost-reply'),
    );
    if (match) {
      match.times -= 1;
      return match.fault;
    }
    if (rate > 0 && random() < rate) return TRANSIENT[Math.floor(random() * TRANSIENT.length)];
    return undefined;
  }
  return {
    next: (service, operation) => pick(service, operation, false) as FaultKind | undefined,
    take: (service, operation) => pick(service, operation, true),
    script(fault) {
      scripted.push({ ...fault });
    },
    setRate(value) {
      rate = value;
    },
  };
}
