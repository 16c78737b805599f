import { type MicroversionRange, parseMicroversion } from './microversion.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text after the service name in `OpenStack-API-Maximum-Version: container-infra 1.14`. */
function headerVersion(headers: Headers, name: string): string | undefined {
  const value = headers.get(name);
  return value?.trim().split(/\s+/).at(-1);
}

function rangeOf(entry: Json): MicroversionRange | undefined {
  const max = parseMicroversion(String(entry.max_version ?? entry.version ?? ''));
  const min = parseMicroversion(String(entry.min_version ?? ''));
  return max && min ? { min, max } : undefined;
}

/**
 * The microversion range from a version document: Nova's `{"version": {version, min_version}}`,
 * Cinder's and Magnum's root `{"versions": [{id, version|max_version, min_version}]}`, or
 * Magnum's `/v1` answer, which has none in its body but sends `OpenStack-API-Minimum-Version` and
 * `OpenStack-API-Maximum-Version` headers. `major` picks the entry (e.g. `v3` among v2 and v3).
 * Undefined when the service does not negotiate microversions.
 */
export function parseVersionDocument(
  headers: Headers,
  text: string,
  major: string,
): MicroversionRange | undefined {
  const min = parseMicroversion(headerVersion(headers, 'openstack-api-minimum-version'));
  const max = parseMicroversion(headerVersion(headers, 'openstack-api-maximum-version'));
  if (min && max) return { min, max };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(body)) return undefined;
  if (isObject(body.version)) return rangeOf(body.version);
  const versions = Array.isArray(body.versions) ? body.versions.filter(isObject) : [];
  const matching = versions.find((entry) => String(entry.id ?? '').split('.')[0] === major);
  const current = matching ?? versions.find((entry) => entry.status === 'CURRENT');
  return current ? rangeOf(current) : undefined;
}

/**
 * Where the version document of an endpoint is: the URL cut just after its version segment
 * (`…/v3/<project>` → `…/v3/`), and that segment's major (`v3`).
 */
export function versionDocumentUrl(endpoint: string): { url: string; major: string } | undefined {
  const match = /^(.*?\/(v\d+)(?:\.\d+)?)(?:\/.*)?$/.exec(endpoint);
  if (!match) return undefined;
  return { url: `${match[1]}/`, major: match[2] as string };
}
