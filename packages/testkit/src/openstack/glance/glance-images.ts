import { randomUUID } from 'node:crypto';
import type { FakeRequest, FakeResponse } from '../../framework/http-service.js';
import { markerPage } from '../shared/marker-pagination.js';
import { jsonReply, OpenStackFakeError } from '../shared/openstack-http.js';
import type { GlanceState, ImageRecord } from './glance-state.js';

/** An image as seeded (tests, sim clouds): defaults fill what is left out. */
export type ImageSeed = Partial<ImageRecord> & { name: string };

export function imageFromSeed(seed: ImageSeed, owner: string, now: number): ImageRecord {
  return {
    id: seed.id ?? randomUUID(),
    status: 'active',
    visibility: 'public',
    diskFormat: 'qcow2',
    containerFormat: 'bare',
    size: 2_361_393_152,
    minDisk: 0,
    minRam: 0,
    owner,
    tags: [],
    properties: {},
    created: now,
    ...seed,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function imageView(image: ImageRecord) {
  return {
    ...image.properties,
    id: image.id,
    name: image.name,
    status: image.status,
    visibility: image.visibility,
    disk_format: image.diskFormat,
    container_format: image.containerFormat,
    size: image.size,
    virtual_size: null,
    min_disk: image.minDisk,
    min_ram: image.minRam,
    owner: image.owner,
    protected: false,
    os_hidden: false,
    tags: image.tags,
    checksum: null,
    os_hash_algo: 'sha512',
    os_hash_value: null,
    created_at: iso(image.created),
    updated_at: iso(image.created),
    self: `/v2/images/${image.id}`,
    file: `/v2/images/${image.id}/file`,
    schema: '/v2/schemas/image',
  };
}

/**
 * Glance answers errors through webob: JSON `{code, title, message}` when the client accepts JSON,
 * an HTML page otherwise.
 */
export function glanceError(
  request: FakeRequest,
  status: number,
  title: string,
  message: string,
): FakeResponse {
  const accept = String(request.headers.accept ?? '');
  if (accept.includes('application/json'))
    return new OpenStackFakeError(status, { code: `${status} ${title}`, title, message }, message).reply();
  return {
    status,
    headers: { 'content-type': 'text/html; charset=UTF-8' },
    body: `<html>\n <head>\n  <title>${status} ${title}</title>\n </head>\n <body>\n  <h1>${status} ${title}</h1>\n  ${message}<br /><br />\n\n\n\n </body>\n</html>`,
  };
}

const GLANCE_DEFAULT_LIMIT = 25;

const PAGING = new Set(['limit', 'marker', 'sort', 'sort_key', 'sort_dir']);

/**
 * GET /v2/images: the project's own and public/shared images (community only when asked for),
 * filtered by name, visibility, status, owner, `tag` (all of) and any custom property; newest first;
 * `next` carries the marker.
 */
export function listImages(state: GlanceState, projectId: string, request: FakeRequest): FakeResponse {
  const query = request.query;
  const visibility = query.get('visibility');
  const visible = Object.values(state.images).filter((image) =>
    visibility === null || visibility === 'all'
      ? image.visibility !== 'community' || visibility === 'all' || image.owner === projectId
      : image.visibility === visibility,
  );
  const tags = query.getAll('tag');
  const matching = visible
    .filter((image) => {
      const view = imageView(image) as Record<string, unknown>;
      for (const key of new Set(query.keys())) {
        if (PAGING.has(key) || key === 'visibility' || key === 'tag') continue;
        if (String(view[key]) !== query.get(key)) return false;
      }
      return tags.every((tag) => image.tags.includes(tag));
    })
    .sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
  // Glance's `limit_param_default` (25) when no limit is asked for, capped at `api_limit_max` (1000).
  const paged = new URLSearchParams(query);
  if (!paged.has('limit')) paged.set('limit', String(GLANCE_DEFAULT_LIMIT));
  const page = markerPage(matching, paged, 1000);
  if ('markerNotFound' in page)
    return glanceError(request, 400, 'Bad Request', `marker ${page.markerNotFound} not found`);
  const next = new URLSearchParams(query);
  if (page.nextMarker) next.set('marker', page.nextMarker);
  return jsonReply(200, {
    images: page.items.map(imageView),
    first: `/v2/images${query.toString() ? `?${query}` : ''}`,
    schema: '/v2/schemas/images',
    ...(page.nextMarker ? { next: `/v2/images?${next}` } : {}),
  });
}

export function getImage(
  state: GlanceState,
  projectId: string,
  request: FakeRequest,
  id: string,
): FakeResponse {
  const image = state.images[id];
  const visible = image && (image.visibility !== 'private' || image.owner === projectId);
  if (!image || !visible) return glanceError(request, 404, 'Not Found', `No image found with ID ${id}`);
  return jsonReply(200, imageView(image));
}
