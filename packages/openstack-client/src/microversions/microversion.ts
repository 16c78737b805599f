/** An API microversion `X.Y` (api-ref "Microversions"): compared numerically, so 1.10 > 1.9. */
export interface Microversion {
  major: number;
  minor: number;
}

export function parseMicroversion(text: string | undefined | null): Microversion | undefined {
  const match = /^\s*(\d+)\.(\d+)\s*$/.exec(text ?? '');
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

export function compareMicroversions(a: Microversion, b: Microversion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

export function formatMicroversion(version: Microversion): string {
  return `${version.major}.${version.minor}`;
}

export function requireMicroversion(text: string): Microversion {
  const version = parseMicroversion(text);
  if (!version) throw new Error(`not a microversion: ${text}`);
  return version;
}

export interface MicroversionRange {
  min: Microversion;
  max: Microversion;
}

/** The highest version both sides speak: the server's maximum, capped at what the client was written for. */
export function chooseMicroversion(server: MicroversionRange, wanted: Microversion): Microversion {
  const capped = compareMicroversions(server.max, wanted) < 0 ? server.max : wanted;
  return compareMicroversions(capped, server.min) < 0 ? server.min : capped;
}
