import type { FaultPlan } from '../framework/faults.js';
import type { SimCloudStartOptions } from './sim-cloud.js';

/** A sim's fault plan: `faults` as given, its rate and seed filled from `faultRate`/`faultSeed`. */
export function faultPlanOf(options: SimCloudStartOptions & { faults?: FaultPlan }): FaultPlan {
  const plan: FaultPlan = { ...options.faults };
  if (plan.rate === undefined && options.faultRate !== undefined) plan.rate = options.faultRate;
  if (plan.seed === undefined && options.faultSeed !== undefined) plan.seed = options.faultSeed;
  return plan;
}
