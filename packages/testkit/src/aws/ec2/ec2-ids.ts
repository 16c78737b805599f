import { randomId } from '../shared/aws-ids.js';

/** An EC2-style id: the resource prefix and 17 hex digits, e.g. `vol-0abc…`. */
export function newEc2Id(prefix: string): string {
  return `${prefix}-0${randomId(16)}`;
}

/** Whether `id` has the shape `<prefix>-<8 or 17 hex digits>`. */
export function hasIdShape(id: string, prefix: string): boolean {
  return new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(id);
}
