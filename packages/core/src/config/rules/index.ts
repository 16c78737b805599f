import type { ProviderV1, ValidationContextV1 } from '../../provider/v1/provider.js';
import type { HubfleetConfig } from '../deployment.js';
import type { ConfigIssue } from '../issues.js';
import { checkCatalog } from './catalog.js';
import { checkHubs } from './hubs.js';
import { checkNfsAddresses } from './nfs-addresses.js';
import { checkGpuGroups, checkRolesPresent, checkScaling } from './node-groups.js';
import { checkPlaceholders, checkProfiles } from './references.js';
import { checkSchedules } from './schedules.js';
import { checkTls, checkTools } from './tls-and-tools.js';
import { checkReservedHubNames, checkUniqueNames } from './unique-names.js';

export { RESERVED_NAMESPACES } from './unique-names.js';
export type { VolumeSizeLimits } from './volume-sizes.js';
export { checkVolumeSizes } from './volume-sizes.js';

/** Every cross-field rule of the config reference, then the provider's own. */
export function checkConfigRules(
  config: HubfleetConfig,
  provider: ProviderV1,
  context: ValidationContextV1,
): ConfigIssue[] {
  return [
    ...checkUniqueNames(config),
    ...checkReservedHubNames(config),
    ...checkRolesPresent(config),
    ...checkScaling(config, provider),
    ...checkGpuGroups(config),
    ...checkProfiles(config),
    ...checkPlaceholders(config),
    ...checkTls(config),
    ...checkTools(config, provider),
    ...checkHubs(config, provider),
    ...checkNfsAddresses(config, provider),
    ...checkSchedules(config),
    ...checkCatalog(config, provider),
    ...(provider.validate?.(config, context) ?? []),
  ];
}
