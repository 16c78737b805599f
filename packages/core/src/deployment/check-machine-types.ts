import type { HubfleetConfig } from '../config/deployment.js';
import { HubfleetError } from '../errors/index.js';
import type { MachineTypeOfferV1 } from '../provider/v1/machine-types.js';
import type { ProviderSessionV1 } from '../provider/v1/session.js';

interface Problem {
  path: string;
  message: string;
}

function problemOf(
  group: HubfleetConfig['cluster']['nodeGroups'][number],
  index: number,
  offer: MachineTypeOfferV1 | undefined,
): Problem | undefined {
  const path = `cluster.nodeGroups[${index}].instanceType`;
  const type = `"${group.instanceType}"`;
  if (offer === undefined || !offer.exists) {
    return { path, message: `nodegroup ${group.name}: instance type ${type} does not exist` };
  }
  if (offer.zones.length === 0) {
    return {
      path,
      message: `nodegroup ${group.name}: instance type ${type} is not offered in ${offer.location}`,
    };
  }
  const gpus = offer.machine?.gpu?.count ?? 0;
  if (group.gpu !== undefined && gpus < group.gpu.count) {
    return {
      path: `cluster.nodeGroups[${index}].gpu.count`,
      message: `nodegroup ${group.name}: ${group.instanceType} has ${gpus} GPU(s) but gpu.count is ${group.gpu.count}`,
    };
  }
  return undefined;
}

/**
 * Every nodegroup's instance type against what the account offers in the deployment's region, when
 * the provider can ask its cloud (`session.machineTypes`): a type that does not exist, is not offered
 * there, or has fewer GPUs than the nodegroup asks for stops `plan` and `up` (exit 2) before anything
 * is observed or created, naming each nodegroup. Types the offline catalog does not know pass here
 * when the cloud offers them.
 */
export async function checkMachineTypes(config: HubfleetConfig, session: ProviderSessionV1): Promise<void> {
  const api = session.machineTypes;
  if (api === undefined) return;
  const groups = config.cluster.nodeGroups;
  const offers = await api.check([...new Set(groups.map((group) => group.instanceType))]);
  const offerOf = new Map(offers.map((offer) => [offer.name, offer]));
  const problems = groups.flatMap(
    (group, index) => problemOf(group, index, offerOf.get(group.instanceType)) ?? [],
  );
  const [first] = problems;
  if (first === undefined) return;
  throw new HubfleetError({
    kind: 'invalid-config',
    message: `${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`,
    hint: 'choose an instance type the account offers in this region (`hubfleet catalog` lists the ones hubfleet knows sizes and prices for), or deploy in a region that offers it',
    subject: first.path,
  });
}
