/**
 * container v1 enum numbers (from the package's protos.json). The client libraries send
 * `$alt=json;enum-encoding=int` and numeric enums; the service answers in kind.
 */
const ENUMS = {
  clusterStatus: [
    'STATUS_UNSPECIFIED',
    'PROVISIONING',
    'RUNNING',
    'RECONCILING',
    'STOPPING',
    'ERROR',
    'DEGRADED',
  ],
  nodePoolStatus: [
    'STATUS_UNSPECIFIED',
    'PROVISIONING',
    'RUNNING',
    'RUNNING_WITH_ERROR',
    'RECONCILING',
    'STOPPING',
    'ERROR',
  ],
  operationStatus: ['STATUS_UNSPECIFIED', 'PENDING', 'RUNNING', 'DONE', 'ABORTING'],
  operationType: [
    'TYPE_UNSPECIFIED',
    'CREATE_CLUSTER',
    'DELETE_CLUSTER',
    'UPGRADE_MASTER',
    'UPGRADE_NODES',
    'REPAIR_CLUSTER',
    'UPDATE_CLUSTER',
    'CREATE_NODE_POOL',
    'DELETE_NODE_POOL',
    'SET_NODE_POOL_MANAGEMENT',
    'AUTO_REPAIR_NODES',
    'AUTO_UPGRADE_NODES',
    'SET_LABELS',
    'SET_MASTER_AUTH',
    'SET_NODE_POOL_SIZE',
    'SET_NETWORK_POLICY',
    'SET_MAINTENANCE_POLICY',
  ],
  taintEffect: ['EFFECT_UNSPECIFIED', 'NO_SCHEDULE', 'PREFER_NO_SCHEDULE', 'NO_EXECUTE'],
  releaseChannel: ['UNSPECIFIED', 'RAPID', 'REGULAR', 'STABLE', 'EXTENDED'],
  gpuDriverVersion: ['GPU_DRIVER_VERSION_UNSPECIFIED', 'INSTALLATION_DISABLED', 'DEFAULT', 'LATEST'],
  locationPolicy: ['LOCATION_POLICY_UNSPECIFIED', 'BALANCED', 'ANY'],
  workloadMetadataMode: ['MODE_UNSPECIFIED', 'GCE_METADATA', 'GKE_METADATA'],
} as const;

export type EnumName = keyof typeof ENUMS;

/** A request's enum (a number, or a name from a client that sends names) as its name. */
export function enumFromWire(table: EnumName, value: unknown): string | undefined {
  const names: readonly string[] = ENUMS[table];
  if (typeof value === 'number') return names[value];
  if (typeof value === 'string' && names.includes(value)) return value;
  return undefined;
}

/** How a response writes an enum: its number when the client asked for `enum-encoding=int`. */
export type EnumWriter = (table: EnumName, name: string) => string | number;

export function enumWriter(query: URLSearchParams): EnumWriter {
  const numeric = (query.get('$alt') ?? '').includes('enum-encoding=int');
  return (table, name) => {
    if (!numeric) return name;
    const index = (ENUMS[table] as readonly string[]).indexOf(name);
    return index < 0 ? 0 : index;
  };
}
