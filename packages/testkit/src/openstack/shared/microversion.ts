import type { IncomingHttpHeaders } from 'node:http';

/**
 * Microversions (api-ref "API Microversions"): the client sends `OpenStack-API-Version: <type> X.Y`
 * (Nova also reads the legacy `X-OpenStack-Nova-API-Version: X.Y`); no header means the minimum;
 * `latest` means the maximum; a version outside [min, max] is 406, a malformed one 400. The answer
 * echoes the version used in the same header.
 */
export interface Microversion {
  major: number;
  minor: number;
}

export interface MicroversionRange {
  /** The service type in the header, e.g. `compute`, `volume`, `container-infra`. */
  serviceType: string;
  min: string;
  max: string;
  /** A header the service still honours from before `OpenStack-API-Version`, lower-case. */
  legacyHeader?: string;
}

export type MicroversionResult =
  | { ok: true; version: Microversion; headers: Record<string, string> }
  | { ok: false; status: 400 | 406; message: string };

export function parseMicroversion(text: string): Microversion | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(text.trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

export function compareMicroversions(a: Microversion, b: Microversion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

export function formatMicroversion(version: Microversion): string {
  return `${version.major}.${version.minor}`;
}

/** `version >= text` (e.g. `atLeast(v, '2.52')`). */
export function atLeast(version: Microversion, text: string): boolean {
  const other = parseMicroversion(text);
  if (!other) throw new Error(`not a microversion: ${text}`);
  return compareMicroversions(version, other) >= 0;
}

function requestedText(headers: IncomingHttpHeaders, range: MicroversionRange): string | undefined {
  const header = headers['openstack-api-version'];
  const values = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  for (const value of values) {
    const [type, version] = value.trim().split(/\s+/);
    if (type?.toLowerCase() === range.serviceType && version) return version;
  }
  const legacy = range.legacyHeader ? headers[range.legacyHeader] : undefined;
  return typeof legacy === 'string' && legacy !== '' ? legacy : undefined;
}

export function negotiateMicroversion(
  headers: IncomingHttpHeaders,
  range: MicroversionRange,
): MicroversionResult {
  const min = parseMicroversion(range.min);
  const max = parseMicroversion(range.max);
  if (!min || !max) throw new Error(`bad microversion range ${range.min}..${range.max}`);
  const text = requestedText(headers, range);
  const version = text === undefined ? min : text.toLowerCase() === 'latest' ? max : parseMicroversion(text);
  if (!version)
    return {
      ok: false,
      status: 400,
      message: `API Version String ${text} is of invalid format. Must be of format MajorNum.MinorNum.`,
    };
  if (compareMicroversions(version, min) < 0 || compareMicroversions(version, max) > 0)
    return {
      ok: false,
      status: 406,
      message: `Version ${formatMicroversion(version)} is not supported by the API. Minimum is ${range.min} and maximum is ${range.max}.`,
    };
  const echoed = `${range.serviceType} ${formatMicroversion(version)}`;
  const legacy = range.legacyHeader ? { [range.legacyHeader]: formatMicroversion(version) } : {};
  return {
    ok: true,
    version,
    headers: { 'openstack-api-version': echoed, vary: 'OpenStack-API-Version', ...legacy },
  };
}
