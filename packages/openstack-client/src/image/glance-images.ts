import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { toImage } from './image-mappers.js';
import type { Image } from './image-types.js';

export interface ImageFilter {
  name?: string;
  /** Without it Glance lists public, shared and the project's own images (not community ones). */
  visibility?: 'public' | 'private' | 'shared' | 'community' | 'all';
  status?: string;
  /** All of these tags. */
  tags?: string[];
}

/** Images through every page (Glance pages by 25 unless told otherwise, via `next`). */
export async function listImages(glance: ServiceClient, filter: ImageFilter = {}): Promise<Image[]> {
  const query = new URLSearchParams();
  if (filter.name !== undefined) query.set('name', filter.name);
  if (filter.visibility !== undefined) query.set('visibility', filter.visibility);
  if (filter.status !== undefined) query.set('status', filter.status);
  for (const tag of filter.tags ?? []) query.append('tag', tag);
  return (await glance.listAll<unknown>('/images', 'images', query)).map(toImage);
}

/** Glance answers an image bare (no wrapper). */
export async function getImage(glance: ServiceClient, id: string): Promise<Image> {
  const response = await glance.request({
    method: 'GET',
    path: `/images/${segment(id)}`,
    subject: `image/${id}`,
  });
  return toImage(response.body);
}

/**
 * The active image with this name a server can boot from. Names are not unique: the project's own
 * image wins over a public one, then the newest; undefined when none is active.
 */
export async function findImageByName(glance: ServiceClient, name: string): Promise<Image | undefined> {
  const images = await listImages(glance, { name, status: 'active' });
  const ownFirst = (image: Image) => (image.visibility === 'private' ? 0 : 1);
  return images.sort((a, b) => ownFirst(a) - ownFirst(b) || (b.createdAt ?? 0) - (a.createdAt ?? 0))[0];
}
