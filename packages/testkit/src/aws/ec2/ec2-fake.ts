import type { Clock } from '../../framework/clock.js';
import type { Durations } from '../../framework/durations.js';
import type { FakeRequest, FakeResponse, ServiceProtocol } from '../../framework/http-service.js';
import { AwsServiceError, ec2ErrorResponse } from '../shared/aws-errors.js';
import { awsRequestId, DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../shared/aws-ids.js';
import { parseQueryRequest } from '../shared/query-params.js';
import { ec2Error, invalidAction } from './ec2-errors.js';
import { ec2FaultError } from './ec2-faults.js';
import type { Ec2Operation } from './ec2-operation.js';
import { EC2_OPERATIONS } from './ec2-operations.js';
import type { Ec2Params } from './ec2-params.js';
import {
  DEFAULT_EC2_QUOTAS,
  type Ec2Context,
  type Ec2Quotas,
  type Ec2Settings,
  resolveDurations,
} from './ec2-settings.js';
import { createEc2State, type Ec2State, type VolumeRecord } from './ec2-state.js';
import { assertIdsVisible } from './ec2-visibility.js';
import {
  type AttachVolumeInput,
  attachVolume,
  type CreateVolumeInput,
  createVolume,
  type DetachVolumeInput,
  deleteVolume,
  detachVolume,
  findVolumesByTags,
} from './ec2-volumes.js';
import { ec2Response } from './ec2-xml.js';
import { defaultAvailabilityZones } from './ec2-zones.js';

export interface Ec2FakeOptions {
  clock: Clock;
  /** Plain-JSON state to serve, e.g. a StateStore's; a fresh empty account by default. */
  state?: Ec2State;
  /** Default `us-east-1` (shared AWS default). */
  region?: string;
  /** Default `<region>a`, `<region>b`, `<region>c`. */
  availabilityZones?: readonly string[];
  accountId?: string;
  /** Modelled durations by `ec2.<Operation>`, over EC2_DURATIONS and DEFAULT_DURATIONS. */
  durations?: Durations;
  quotas?: Partial<Ec2Quotas>;
  /**
   * Modelled milliseconds during which a just-created VPC, subnet, internet gateway, route table or
   * volume still answers `Invalid…ID.NotFound` to calls naming its id, as EC2's eventually
   * consistent API may. @default 0
   */
  visibilityDelay?: number;
  /** Called after a programmatic mutation (the HTTP service has its own `afterMutation`). */
  onMutation?: () => void;
}

/** The EC2 fake: its wire protocol, its state, and a direct API for other fakes (the EBS CSI driver's view). */
export interface Ec2Fake {
  readonly protocol: ServiceProtocol;
  readonly state: Ec2State;
  readonly settings: Ec2Settings;
  /** Volumes carrying every given tag (`undefined`: the key alone), settled to the clock. Copies. */
  findVolumesByTags(tags: Readonly<Record<string, string | undefined>>): VolumeRecord[];
  createVolume(input: CreateVolumeInput): VolumeRecord;
  attachVolume(input: AttachVolumeInput): VolumeRecord;
  detachVolume(input: DetachVolumeInput): VolumeRecord;
  deleteVolume(volumeId: string): void;
}

function settingsFrom(options: Ec2FakeOptions): Ec2Settings {
  const region = options.region ?? DEFAULT_REGION;
  return {
    region,
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    availabilityZones: options.availabilityZones ?? defaultAvailabilityZones(region),
    quotas: { ...DEFAULT_EC2_QUOTAS, ...options.quotas },
    durations: resolveDurations(options.durations),
    visibilityDelay: options.visibilityDelay ?? 0,
  };
}

function answer(
  action: string,
  operation: Ec2Operation,
  params: Ec2Params,
  context: Ec2Context,
): FakeResponse {
  const requestId = awsRequestId();
  try {
    if (params.DryRun === 'true') {
      throw ec2Error('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    }
    assertIdsVisible(params, context);
    return ec2Response(action, requestId, operation.handle(params, context));
  } catch (problem) {
    if (problem instanceof AwsServiceError) return ec2ErrorResponse(problem, requestId);
    throw problem;
  }
}

export function createEc2Protocol(context: Ec2Context): ServiceProtocol {
  return {
    name: 'ec2',
    resolve(request: FakeRequest) {
      if (request.path !== '/') return undefined;
      const { action, params } = parseQueryRequest(request);
      const operation = action === undefined ? undefined : EC2_OPERATIONS[action];
      if (action === undefined || operation === undefined) return undefined;
      return {
        operation: action,
        mutating: operation.mutating,
        handle: () => answer(action, operation, params, context),
      };
    },
    fault: (kind, operation) => ec2ErrorResponse(ec2FaultError(kind, operation), awsRequestId()),
    unknown: (request) =>
      ec2ErrorResponse(invalidAction(parseQueryRequest(request).action ?? ''), awsRequestId()),
  };
}

export function createEc2Fake(options: Ec2FakeOptions): Ec2Fake {
  const context: Ec2Context = {
    state: options.state ?? createEc2State(),
    clock: options.clock,
    settings: settingsFrom(options),
  };
  const mutate = <Result>(change: () => Result): Result => {
    const result = change();
    options.onMutation?.();
    return result;
  };
  return {
    protocol: createEc2Protocol(context),
    state: context.state,
    settings: context.settings,
    findVolumesByTags: (tags) => findVolumesByTags(context.state, context.clock.now(), tags),
    createVolume: (input) => mutate(() => structuredClone(createVolume(context, input))),
    attachVolume: (input) => mutate(() => structuredClone(attachVolume(context, input))),
    detachVolume: (input) => mutate(() => structuredClone(detachVolume(context, input))),
    deleteVolume: (volumeId) => mutate(() => deleteVolume(context, volumeId)),
  };
}
