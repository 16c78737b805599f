import type { FaultKind } from '../../framework/faults.js';
import { AwsServiceError } from './aws-errors.js';

export type RenderedFaultKind = Exclude<FaultKind, 'drop'>;

/** How one service names each injectable fault: its throttling, internal, unavailable and quota errors. */
export type AwsFaultTable = Readonly<
  Record<RenderedFaultKind, { code: string; status: number; message: string }>
>;

/** The error a service answers an injected fault with; render it with the service's protocol. */
export function faultError(table: AwsFaultTable, kind: RenderedFaultKind): AwsServiceError {
  const { code, status, message } = table[kind];
  return new AwsServiceError(code, status, message);
}
