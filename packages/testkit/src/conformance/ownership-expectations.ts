import { type ComponentName, ownershipTags } from '@hubfleet/core';
import { expect } from 'vitest';

/**
 * Asserts that `tags` carry the ownership tags hubfleet finds its resources by: deployment,
 * component, and the nodegroup or hub where there is one. Observed tags are in hubfleet's words
 * (`hubfleet.io/...`), whatever encoding the cloud needs underneath.
 */
export function expectOwnershipTags(
  subject: string,
  tags: Readonly<Record<string, string>> | undefined,
  deployment: string,
  component: ComponentName,
  extra: { hub?: string; nodeGroup?: string } = {},
): void {
  expect(tags, `${subject}: ownership tags`).toMatchObject(ownershipTags(deployment, component, extra));
}
