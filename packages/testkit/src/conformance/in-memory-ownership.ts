import { OwnershipTag } from '@hubfleet/core';

/** Whether a resource's tags say it belongs to this deployment. */
export function ownedBy(tags: Readonly<Record<string, string>>, deployment: string): boolean {
  return tags[OwnershipTag.deployment] === deployment;
}
