import { type NovaContext, reply } from './nova-context.js';

/** GET /os-availability-zone: every configured zone, available; `hosts` is null for non-admins. */
export function listAvailabilityZones(context: NovaContext) {
  return reply(context, 200, {
    availabilityZoneInfo: context.settings.availabilityZones.map((zoneName) => ({
      zoneName,
      zoneState: { available: true },
      hosts: null,
    })),
  });
}
