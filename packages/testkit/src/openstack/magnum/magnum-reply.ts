import type { FakeResponse } from '../../framework/http-service.js';
import { jsonReply } from '../shared/openstack-http.js';
import type { MagnumContext } from './magnum-settings.js';

/** A JSON answer with the microversion headers Magnum puts on every /v1 response. */
export function magnumReply(context: MagnumContext, status: number, body?: unknown): FakeResponse {
  return jsonReply(status, body, context.versionHeaders);
}

/** Magnum's time format: `2016-08-29T06:51:31+00:00`. */
export function magnumTime(epochMs: number | null): string | null {
  return epochMs === null ? null : new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export function links(context: MagnumContext, collection: string, id: string): unknown[] {
  return [
    { href: `${context.baseUrl}/v1/${collection}/${id}`, rel: 'self' },
    { href: `${context.baseUrl}/${collection}/${id}`, rel: 'bookmark' },
  ];
}
