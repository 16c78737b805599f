import type { FieldChange } from './resource.js';

/** What a plan shows in place of a secret value. */
export const REDACTED = '(secret)';

/** The change with its values hidden when the field is marked secret; other changes are returned as they are. */
export function redactChange(change: FieldChange): FieldChange {
  if (change.secret !== true) return change;
  const redacted: FieldChange = { field: change.field, secret: true };
  if (change.path !== undefined) redacted.path = change.path;
  if (change.from !== undefined) redacted.from = REDACTED;
  if (change.to !== undefined) redacted.to = REDACTED;
  return redacted;
}
