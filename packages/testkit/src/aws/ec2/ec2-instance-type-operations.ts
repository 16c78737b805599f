import { paginate } from '../../framework/pagination.js';
import type { XmlValue } from '../shared/xml.js';
import { pageSize } from './ec2-describe.js';
import { ec2Error, invalidParameterValue } from './ec2-errors.js';
import { assertKnownFilters, type FilterTable, matchesFilters, parseFilters } from './ec2-filters.js';
import { INSTANCE_TYPES, type InstanceTypeSpec } from './ec2-instance-types.js';
import { type Ec2OperationTable, read } from './ec2-operation.js';
import { type Ec2Params, idList, optionalString } from './ec2-params.js';
import type { Ec2Settings } from './ec2-settings.js';
import { availabilityZones } from './ec2-zones.js';

const TYPE_FILTERS: FilterTable<InstanceTypeSpec> = {
  'instance-type': (type) => type.name,
  'current-generation': () => true,
  'vcpu-info.default-vcpus': (type) => type.vcpus,
  'memory-info.size-in-mib': (type) => type.memoryMiB,
  'processor-info.supported-architecture': (type) => type.architecture,
};

function describeType(type: InstanceTypeSpec): XmlValue {
  return {
    instanceType: type.name,
    currentGeneration: true,
    vCpuInfo: { defaultVCpus: type.vcpus },
    memoryInfo: { sizeInMiB: type.memoryMiB },
    processorInfo: { supportedArchitectures: [type.architecture] },
    ...(type.gpu === undefined
      ? {}
      : {
          gpuInfo: {
            gpus: [
              {
                name: type.gpu.name,
                manufacturer: type.gpu.manufacturer,
                count: type.gpu.count,
                memoryInfo: { sizeInMiB: type.gpu.memoryMiB },
              },
            ],
            totalGpuMemoryInMiB: type.gpu.count * type.gpu.memoryMiB,
          },
        }),
  };
}

type Offering = {
  instanceType: string;
  locationType: string;
  location: string;
};

const OFFERING_FILTERS: FilterTable<Offering> = {
  'instance-type': (offering) => offering.instanceType,
  location: (offering) => offering.location,
};

const LOCATION_TYPES = ['region', 'availability-zone', 'availability-zone-id'];

/** Every (type, location) the region offers, in the location type asked for. */
function offerings(settings: Ec2Settings, locationType: string): Offering[] {
  const zones = availabilityZones(settings);
  return INSTANCE_TYPES.flatMap((type) => {
    const letters = type.offeredIn === undefined ? undefined : type.offeredIn[settings.region];
    if (type.offeredIn !== undefined && letters === undefined) return [];
    const offeredZones = zones.filter(
      (zone) => letters === undefined || letters.includes(zone.zoneName.slice(-1)),
    );
    if (offeredZones.length === 0) return [];
    if (locationType === 'region')
      return [{ instanceType: type.name, locationType, location: settings.region }];
    return offeredZones.map((zone) => ({
      instanceType: type.name,
      locationType,
      location: locationType === 'availability-zone' ? zone.zoneName : zone.zoneId,
    }));
  });
}

function page<Item>(items: Item[], params: Ec2Params, limit: number | undefined) {
  if (limit === undefined) return { items, nextToken: undefined };
  return paginate(items, limit, optionalString(params, 'NextToken'));
}

/**
 * DescribeInstanceTypes and DescribeInstanceTypeOfferings, as the EC2 API reference describes them:
 * a named type that does not exist is `InvalidInstanceType` ("The following supplied instance types
 * do not exist: [...]"); offerings are per region by default, or per zone (name or id) with
 * `LocationType`, and a type the region does not offer is simply absent (no error).
 */
export const INSTANCE_TYPE_OPERATIONS: Ec2OperationTable = {
  DescribeInstanceTypes: read((params) => {
    const names = idList(params, 'InstanceType');
    const filters = parseFilters(params);
    assertKnownFilters(filters, TYPE_FILTERS);
    const limit = pageSize(params, names.length > 0, 'InstanceTypes', 100);
    const unknown = names.filter((name) => !INSTANCE_TYPES.some((type) => type.name === name));
    if (unknown.length > 0) {
      throw ec2Error(
        'InvalidInstanceType',
        `The following supplied instance types do not exist: [${unknown.join(', ')}]`,
      );
    }
    const selected = INSTANCE_TYPES.filter(
      (type) =>
        (names.length === 0 || names.includes(type.name)) && matchesFilters(type, {}, filters, TYPE_FILTERS),
    );
    const { items, nextToken } = page(selected, params, limit);
    return { instanceTypeSet: items.map(describeType), ...(nextToken === undefined ? {} : { nextToken }) };
  }),
  DescribeInstanceTypeOfferings: read((params, context) => {
    const locationType = optionalString(params, 'LocationType') ?? 'region';
    if (!LOCATION_TYPES.includes(locationType)) {
      throw invalidParameterValue(
        `Value (${locationType}) for parameter locationType is invalid. Valid values: ${LOCATION_TYPES.join(', ')}`,
      );
    }
    const filters = parseFilters(params);
    assertKnownFilters(filters, OFFERING_FILTERS);
    const limit = pageSize(params, false, 'LocationType', 1000);
    const selected = offerings(context.settings, locationType).filter((offering) =>
      matchesFilters(offering, {}, filters, OFFERING_FILTERS),
    );
    const { items, nextToken } = page(selected, params, limit);
    return { instanceTypeOfferingSet: items, ...(nextToken === undefined ? {} : { nextToken }) };
  }),
};
