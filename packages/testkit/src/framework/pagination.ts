/**
 * One page of a listing. Tokens are opaque to clients (EKS `nextToken`, IAM `Marker`): here the offset
 * of the next item, base64url-encoded. An unreadable token starts from the beginning.
 */
export interface Page<Item> {
  items: Item[];
  nextToken: string | undefined;
}

function offsetOf(token: string | undefined): number {
  if (!token) return 0;
  const offset = Number(Buffer.from(token, 'base64url').toString('utf8'));
  return Number.isInteger(offset) && offset >= 0 ? offset : 0;
}

export function paginate<Item>(items: readonly Item[], limit: number, token: string | undefined): Page<Item> {
  const start = offsetOf(token);
  const end = start + Math.max(1, limit);
  return {
    items: items.slice(start, end),
    nextToken: end < items.length ? Buffer.from(String(end), 'utf8').toString('base64url') : undefined,
  };
}
