import { HubfleetError } from '@hubfleet/core';

/** A positive number, or the `invalid-config` error naming the flag. */
export function parseSpeed(text: string, flag = '--speed'): number {
  const speed = Number(text);
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `${flag} must be a positive number, not "${text}"`,
      hint: `e.g. ${flag} 1000 makes a 12-minute cluster take 0.7 s`,
    });
  }
  return speed;
}
