import { HubfleetError } from '@hubfleet/core';
import type { CatalogService } from '../catalog/catalog-types.js';

/** A Keystone token and what came with it. The token itself is a secret too: never printed. */
export interface Token {
  value: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  issuedAt: number;
  projectId: string | undefined;
  userId: string | undefined;
  catalog: CatalogService[];
}

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function catalogOf(value: unknown): CatalogService[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const service = object(entry);
    const type = stringOf(service?.type);
    if (!service || !type) return [];
    const endpoints = Array.isArray(service.endpoints) ? service.endpoints : [];
    return [
      {
        type,
        ...(stringOf(service.name) ? { name: stringOf(service.name) } : {}),
        endpoints: endpoints.flatMap((raw) => {
          const endpoint = object(raw);
          const url = stringOf(endpoint?.url);
          const face = stringOf(endpoint?.interface);
          if (!endpoint || !url || !face) return [];
          return [
            {
              url,
              interface: face,
              region_id: stringOf(endpoint.region_id) ?? null,
              region: stringOf(endpoint.region) ?? null,
            },
          ];
        }),
      },
    ];
  });
}

/** The token from `X-Subject-Token` and the body of a 201 from `POST /v3/auth/tokens`. */
export function parseTokenResponse(subjectToken: string | null, text: string, now: number): Token {
  let body: Json | undefined;
  try {
    body = object(JSON.parse(text));
  } catch {
    body = undefined;
  }
  const token = object(body?.token);
  const expiresAt = Date.parse(stringOf(token?.expires_at) ?? '');
  if (!subjectToken || !token || Number.isNaN(expiresAt)) {
    throw new HubfleetError({
      kind: 'unavailable',
      message: 'Keystone answered the authentication without an X-Subject-Token header or token.expires_at',
      hint: 'The auth URL may point at something other than Keystone v3; check auth_url / OS_AUTH_URL.',
      subject: 'openstack credentials',
    });
  }
  const issuedAt = Date.parse(stringOf(token.issued_at) ?? '');
  return {
    value: subjectToken,
    expiresAt,
    issuedAt: Number.isNaN(issuedAt) ? now : issuedAt,
    projectId: stringOf(object(token.project)?.id),
    userId: stringOf(object(token.user)?.id),
    catalog: catalogOf(token.catalog),
  };
}
