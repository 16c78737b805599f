import type { AnyResourceNode, Plan } from '@hubfleet/core';
import { checkMachineTypes } from '@hubfleet/core/deployment';
import { planChanges, planTeardown } from '@hubfleet/core/engine';
import type { OpenDeployment } from './open-deployment.js';

/** A plan and the resources it was made from (the executor matches steps to them by id). */
export interface PlannedRun {
  plan: Plan;
  resources: AnyResourceNode[];
}

/**
 * `up`'s plan: what the config asks for, plus what the deployment owns and the config dropped. The
 * instance types are checked against what the account offers in the region first (exit 2).
 */
export async function planUp(open: OpenDeployment): Promise<PlannedRun> {
  const { graph } = open;
  await checkMachineTypes(open.config, open.session);
  const undesired = await graph.findUndesired();
  const plan = await planChanges({
    deployment: open.config.name,
    desired: graph.desired,
    undesired,
    ...(open.retry === undefined ? {} : { retry: open.retry }),
  });
  return { plan, resources: [...graph.desired, ...undesired] };
}

/**
 * `down`'s plan: everything the deployment may own, dependents first. With `deleteData`
 * (`--delete-data`) a resource that holds data and whose `onDelete` is `delete` is deleted, not kept.
 */
export async function planDown(
  open: OpenDeployment,
  options: { deleteData?: boolean } = {},
): Promise<PlannedRun> {
  const resources = await open.graph.teardown();
  const plan = await planTeardown({
    deployment: open.config.name,
    resources,
    deleteData: options.deleteData === true,
    ...(open.retry === undefined ? {} : { retry: open.retry }),
  });
  return { plan, resources };
}
