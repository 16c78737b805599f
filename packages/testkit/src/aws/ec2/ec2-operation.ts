import type { Ec2Params } from './ec2-params.js';
import type { Ec2Context } from './ec2-settings.js';
import type { Ec2ResponseFields } from './ec2-xml.js';

/** One EC2 action: whether it changes state (for the call log) and what it answers. */
export interface Ec2Operation {
  mutating: boolean;
  handle(params: Ec2Params, context: Ec2Context): Ec2ResponseFields;
}

export type Ec2OperationTable = Readonly<Record<string, Ec2Operation>>;

export function mutation(handle: Ec2Operation['handle']): Ec2Operation {
  return { mutating: true, handle };
}

export function read(handle: Ec2Operation['handle']): Ec2Operation {
  return { mutating: false, handle };
}

/** `<return>true</return>`, what most EC2 mutations without a resource answer. */
export const RETURN_TRUE: Ec2ResponseFields = { return: true };
