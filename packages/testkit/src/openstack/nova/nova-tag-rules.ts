import { badRequest } from './nova-context.js';

/** Nova's tag rules (2.26): at most 50 per server, 1–60 characters, no `,` or `/`. */
export const MAX_SERVER_TAGS = 50;

export function validateTag(tag: string): void {
  if (tag.length === 0 || tag.length > 60 || tag.includes(',') || tag.includes('/'))
    throw badRequest(
      `Invalid input for field/attribute tag. Value: ${tag}. Tags must be 1 to 60 characters without ',' or '/'.`,
    );
}

export function validateTags(tags: readonly string[]): void {
  if (tags.length > MAX_SERVER_TAGS)
    throw badRequest(`The number of tags exceeded the per-server limit ${MAX_SERVER_TAGS}`);
  for (const tag of tags) validateTag(tag);
}
