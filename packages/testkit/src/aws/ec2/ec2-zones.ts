import { invalidParameterValue, NOT_FOUND } from './ec2-errors.js';
import { assertKnownFilters, type FilterTable, matchesFilters, parseFilters } from './ec2-filters.js';
import { type Ec2OperationTable, read } from './ec2-operation.js';
import { idList } from './ec2-params.js';
import type { Ec2Settings } from './ec2-settings.js';

export interface AvailabilityZone {
  zoneName: string;
  zoneId: string;
  regionName: string;
}

const DIRECTION_ABBREVIATIONS: Readonly<Record<string, string>> = {
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  central: 'c',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
};

/** AWS zone ids abbreviate the region: us-west-2 → usw2, ap-southeast-2 → apse2. */
export function regionAbbreviation(region: string): string {
  const [area = '', direction = '', number = ''] = region.split('-');
  return `${area}${DIRECTION_ABBREVIATIONS[direction] ?? direction.slice(0, 1)}${number}`;
}

export function defaultAvailabilityZones(region: string): string[] {
  return ['a', 'b', 'c'].map((letter) => `${region}${letter}`);
}

export function availabilityZones(settings: Ec2Settings): AvailabilityZone[] {
  const prefix = regionAbbreviation(settings.region);
  return settings.availabilityZones.map((zoneName, index) => ({
    zoneName,
    zoneId: `${prefix}-az${index + 1}`,
    regionName: settings.region,
  }));
}

/** The zone a create call names (by name or id), or InvalidZone.NotFound. */
export function resolveZone(
  settings: Ec2Settings,
  zoneName: string | undefined,
  zoneId: string | undefined,
): string {
  const zones = availabilityZones(settings);
  const zone = zones.find((candidate) => candidate.zoneName === zoneName || candidate.zoneId === zoneId);
  if (!zone) throw NOT_FOUND.zone(zoneName ?? zoneId ?? '');
  return zone.zoneName;
}

const ZONE_FILTERS: FilterTable<AvailabilityZone> = {
  'zone-name': (zone) => zone.zoneName,
  'zone-id': (zone) => zone.zoneId,
  'region-name': (zone) => zone.regionName,
  state: () => 'available',
  'zone-type': () => 'availability-zone',
  'group-name': (zone) => zone.regionName,
  'opt-in-status': () => 'opt-in-not-required',
};

export const ZONE_OPERATIONS: Ec2OperationTable = {
  DescribeAvailabilityZones: read((params, context) => {
    const names = idList(params, 'ZoneName');
    const ids = idList(params, 'ZoneId');
    const filters = parseFilters(params);
    assertKnownFilters(filters, ZONE_FILTERS);
    const zones = availabilityZones(context.settings);
    for (const name of names) {
      if (!zones.some((zone) => zone.zoneName === name))
        throw invalidParameterValue(`The zone '${name}' does not exist.`);
    }
    const selected = zones.filter(
      (zone) =>
        (names.length === 0 || names.includes(zone.zoneName)) &&
        (ids.length === 0 || ids.includes(zone.zoneId)) &&
        matchesFilters(zone, {}, filters, ZONE_FILTERS),
    );
    return {
      availabilityZoneInfo: selected.map((zone) => ({
        optInStatus: 'opt-in-not-required',
        zoneName: zone.zoneName,
        zoneId: zone.zoneId,
        groupName: zone.regionName,
        networkBorderGroup: zone.regionName,
        zoneType: 'availability-zone',
        zoneState: 'available',
        regionName: zone.regionName,
        messageSet: [],
      })),
    };
  }),
};
