import { invalidArgument } from '../google-errors.js';

/** A zone (`us-central1-a`) is zonal; a region (`us-central1`) spreads over three of its zones. */
export function zonesOf(location: string): string[] {
  if (/^[a-z]+-[a-z]+\d+-[a-z]$/.test(location)) return [location];
  if (/^[a-z]+-[a-z]+\d+$/.test(location)) return ['a', 'b', 'c'].map((suffix) => `${location}-${suffix}`);
  throw invalidArgument(`Location "${location}" is not a valid zone or region.`);
}

export function regionOf(location: string): string {
  return /^([a-z]+-[a-z]+\d+)(-[a-z])?$/.exec(location)?.[1] ?? location;
}
