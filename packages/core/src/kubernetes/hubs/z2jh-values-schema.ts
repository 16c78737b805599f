import { z } from 'zod';
import { Z2JH_CHART } from './chart.js';

/**
 * A zod model of the zero-to-jupyterhub 4.4.0 values hubfleet generates. Every object hubfleet writes
 * into is strict with the chart's own key list (copied from its `values.schema.yaml`, where those
 * objects are `additionalProperties: false`), so a misspelt key fails here as it would in Helm; keys
 * hubfleet does not write are `unknown`. Checked: every generated values object in the tests, and the
 * merged `extraValues` at render time.
 */

function otherKeys(keys: readonly string[]): Record<string, z.ZodOptional<z.ZodUnknown>> {
  return Object.fromEntries(keys.map((key) => [key, z.unknown().optional()]));
}

/** Built on first use: the model is large, and `validate` and `--help` never need it. */
function buildZ2jhValuesSchema() {
  const nullable = <Schema extends z.ZodType>(schema: Schema) => schema.nullable().optional();
  const stringMap = z.record(z.string(), z.string());
  const objectOrList = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]);

  const toleration = z.strictObject({
    key: z.string().min(1),
    operator: z.enum(['Equal', 'Exists']),
    value: z.string().optional(),
    effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
    tolerationSeconds: z.int().optional(),
  });

  const envValue = z.union([
    z.string(),
    z.strictObject({
      name: z.string().optional(),
      value: z.string().optional(),
      valueFrom: z
        .strictObject({
          secretKeyRef: z
            .strictObject({
              name: z.string().min(1),
              key: z.string().min(1),
              optional: z.boolean().optional(),
            })
            .optional(),
        })
        .catchall(z.unknown())
        .optional(),
    }),
  ]);
  const extraEnv = z.union([z.record(z.string(), envValue), z.array(z.unknown())]);

  const image = z.strictObject({
    name: z.string().min(1),
    tag: z.string().min(1),
    pullPolicy: nullable(z.enum(['', 'IfNotPresent', 'Always', 'Never'])),
    pullSecrets: z.array(z.unknown()).optional(),
  });

  const matchNodePurpose = z.strictObject({ matchNodePurpose: z.enum(['ignore', 'prefer', 'require']) });
  const podPlacement = z.strictObject({
    tolerations: z.array(toleration).optional(),
    nodeAffinity: matchNodePurpose.optional(),
  });

  /** `hub.config`: traitlets sections, each named after a Configurable class (capitalised). */
  const hubConfig = z
    .looseObject({
      JupyterHub: z.looseObject({ authenticator_class: z.string().min(1).optional() }).optional(),
      Authenticator: z
        .looseObject({ admin_users: z.array(z.string()).optional(), allow_all: z.boolean().optional() })
        .optional(),
      KubeSpawner: z
        .looseObject({ scheduler_name: z.string().optional(), priority_class_name: z.string().optional() })
        .optional(),
    })
    .check((context) => {
      for (const [section, value] of Object.entries(context.value)) {
        if (/^[A-Z]/.test(section) && value !== null && typeof value === 'object' && !Array.isArray(value))
          continue;
        context.issues.push({
          code: 'custom',
          input: value,
          path: [section],
          message: 'hub.config sections must be Configurable class names (capitalised) holding objects',
        });
      }
    });

  const hub = z.strictObject({
    ...otherKeys([
      'revisionHistoryLimit',
      'extraFiles',
      'command',
      'args',
      'cookieSecret',
      'image',
      'networkPolicy',
      'labels',
      'initContainers',
      'fsGid',
      'service',
      'pdb',
      'existingSecret',
      'nodeSelector',
      'tolerations',
      'activeServerLimit',
      'allowNamedServers',
      'authenticatePrometheus',
      'concurrentSpawnLimit',
      'consecutiveFailureLimit',
      'podSecurityContext',
      'containerSecurityContext',
      'deploymentStrategy',
      'extraContainers',
      'extraVolumeMounts',
      'extraVolumes',
      'livenessProbe',
      'readinessProbe',
      'namedServerLimitPerUser',
      'redirectToServer',
      'resources',
      'lifecycle',
      'services',
      'loadRoles',
      'shutdownOnLogout',
      'templatePaths',
      'templateVars',
      'serviceAccount',
      'extraPodSpec',
    ]),
    baseUrl: z.string().regex(/^\/([^/]+\/)*$/, 'must start and end with "/"'),
    config: hubConfig.optional(),
    extraConfig: z.record(z.string(), z.string()).optional(),
    extraEnv: extraEnv.optional(),
    annotations: stringMap.optional(),
    db: z
      .strictObject({
        type: z.enum(['sqlite-pvc', 'sqlite-memory', 'mysql', 'postgres', 'other']).optional(),
        pvc: z
          .strictObject({
            ...otherKeys(['annotations', 'selector', 'accessModes', 'storageClassName', 'subPath']),
            storage: z.string().min(1),
          })
          .optional(),
        ...otherKeys(['upgrade', 'url', 'password']),
      })
      .optional(),
  });

  const proxy = z.strictObject({
    ...otherKeys(['chp', 'secretToken', 'https', 'traefik', 'labels', 'deploymentStrategy', 'secretSync']),
    annotations: stringMap.optional(),
    service: z
      .strictObject({
        ...otherKeys([
          'labels',
          'annotations',
          'nodePorts',
          'disableHttpPort',
          'extraPorts',
          'externalIPs',
          'loadBalancerIP',
          'loadBalancerSourceRanges',
          'ipFamilyPolicy',
          'ipFamilies',
        ]),
        type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']).optional(),
      })
      .optional(),
  });

  const quantityOrNumber = nullable(z.union([z.number().nonnegative(), z.string().min(1)]));

  const kubespawnerOverride = z.looseObject({
    image: z.string().min(1).optional(),
    cpu_guarantee: z.number().positive().optional(),
    cpu_limit: z.number().positive().optional(),
    mem_guarantee: z.union([z.int().positive(), z.string().regex(/^[0-9.]+[KMGT]$/)]).optional(),
    mem_limit: z.union([z.int().positive(), z.string().regex(/^[0-9.]+[KMGT]$/)]).optional(),
    node_selector: stringMap.optional(),
    tolerations: z.array(toleration).optional(),
    extra_resource_limits: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  });

  const profile = z.strictObject({
    display_name: z.string().min(1),
    slug: z.string().min(1).optional(),
    description: z.string().optional(),
    default: z.boolean().optional(),
    kubespawner_override: kubespawnerOverride.optional(),
    profile_options: z.record(z.string(), z.unknown()).optional(),
  });

  const lifecycleHook = z.looseObject({
    exec: z.strictObject({ command: z.array(z.string()).min(1) }).optional(),
  });

  const singleuserStorage = z.strictObject({
    ...otherKeys(['dynamic', 'extraLabels', 'static']),
    type: z.enum(['dynamic', 'static', 'none']).optional(),
    capacity: nullable(z.string().min(1)),
    homeMountPath: z.string().startsWith('/').optional(),
    extraVolumes: nullable(objectOrList),
    extraVolumeMounts: nullable(objectOrList),
  });

  const singleuser = z.strictObject({
    ...otherKeys([
      'networkPolicy',
      'podNameTemplate',
      'initContainers',
      'extraFiles',
      'extraTolerations',
      'extraNodeAffinity',
      'extraPodAffinity',
      'extraPodAntiAffinity',
      'cloudMetadata',
      'cmd',
      'events',
      'extraAnnotations',
      'extraContainers',
      'extraLabels',
      'extraPodConfig',
      'extraResource',
      'fsGid',
      'networkTools',
      'serviceAccountName',
      'startTimeout',
    ]),
    image: image.optional(),
    defaultUrl: nullable(z.string().startsWith('/')),
    cpu: z
      .strictObject({ guarantee: nullable(z.number().positive()), limit: nullable(z.number().positive()) })
      .optional(),
    memory: z.strictObject({ guarantee: quantityOrNumber, limit: quantityOrNumber }).optional(),
    nodeSelector: stringMap.optional(),
    profileList: z.array(profile).optional(),
    storage: singleuserStorage.optional(),
    lifecycleHooks: z
      .strictObject({ postStart: lifecycleHook.optional(), preStop: lifecycleHook.optional() })
      .optional(),
    extraEnv: extraEnv.optional(),
    uid: nullable(z.int().min(0)),
    allowPrivilegeEscalation: nullable(z.boolean()),
  });

  const enabled = (keys: readonly string[]) => z.strictObject({ ...otherKeys(keys), enabled: z.boolean() });

  const scheduling = z.strictObject({
    userScheduler: enabled([
      'revisionHistoryLimit',
      'replicas',
      'image',
      'pdb',
      'nodeSelector',
      'tolerations',
      'labels',
      'annotations',
      'containerSecurityContext',
      'logLevel',
      'plugins',
      'pluginConfig',
      'resources',
      'serviceAccount',
      'extraPodSpec',
    ]).optional(),
    podPriority: enabled([
      'globalDefault',
      'defaultPriority',
      'imagePullerPriority',
      'userPlaceholderPriority',
    ]).optional(),
    userPlaceholder: enabled([
      'image',
      'revisionHistoryLimit',
      'replicas',
      'labels',
      'annotations',
      'resources',
      'containerSecurityContext',
      'extraPodSpec',
    ]).optional(),
    corePods: podPlacement.optional(),
    userPods: podPlacement.optional(),
  });

  const ingress = z.strictObject({
    enabled: z.boolean(),
    annotations: stringMap.optional(),
    ingressClassName: nullable(z.string().min(1)),
    hosts: z.array(z.string().min(1)).optional(),
    pathSuffix: nullable(z.string()),
    pathType: z.enum(['Prefix', 'Exact', 'ImplementationSpecific']).optional(),
    tls: z
      .array(
        z.strictObject({
          hosts: z.array(z.string().min(1)).min(1),
          secretName: z.string().min(1).optional(),
        }),
      )
      .optional(),
    extraPaths: z.array(z.unknown()).optional(),
  });

  const seconds = nullable(z.int().min(0));
  const cull = z.strictObject({
    enabled: z.boolean(),
    users: nullable(z.boolean()),
    adminUsers: nullable(z.boolean()),
    removeNamedServers: nullable(z.boolean()),
    timeout: seconds,
    every: seconds,
    concurrency: seconds,
    maxAge: seconds,
  });

  const prePuller = z.strictObject({
    ...otherKeys([
      'revisionHistoryLimit',
      'labels',
      'annotations',
      'resources',
      'extraTolerations',
      'hook',
      'continuous',
      'containerSecurityContext',
      'pause',
    ]),
    pullProfileListImages: z.boolean().optional(),
    extraImages: z.record(z.string(), image).optional(),
  });

  return z.strictObject({
    ...otherKeys([
      'enabled',
      'fullnameOverride',
      'nameOverride',
      'imagePullSecret',
      'imagePullSecrets',
      'httpRoute',
      'custom',
      'debug',
      'rbac',
      'global',
    ]),
    hub,
    proxy: proxy.optional(),
    singleuser: singleuser.optional(),
    scheduling: scheduling.optional(),
    ingress: ingress.optional(),
    prePuller: prePuller.optional(),
    cull: cull.optional(),
  });
}

let built: ReturnType<typeof buildZ2jhValuesSchema> | undefined;

/** The zod model of the z2jh values hubfleet generates. */
export function z2jhValuesSchema(): ReturnType<typeof buildZ2jhValuesSchema> {
  built ??= buildZ2jhValuesSchema();
  return built;
}

/** Problems with a values object, as `path: message` lines; empty when it fits the model. */
export function checkZ2jhValues(values: unknown): string[] {
  const result = z2jhValuesSchema().safeParse(values);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${path === '' ? '(values)' : path}: ${issue.message} (zero-to-jupyterhub ${Z2JH_CHART.version})`;
  });
}
