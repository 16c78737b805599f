import type { z } from 'zod';
import type { HubfleetConfig } from '../../config/deployment.js';
import type { ConfigIssue } from '../../config/issues.js';
import type { ProviderCapabilitiesV1 } from './capabilities.js';
import type { MachineCatalogV1 } from './catalog.js';
import type { ProviderDeploymentV1 } from './deploying.js';
import type { ProviderSessionV1 } from './session.js';

/** The `provider:` section every provider's schema must accept: a `kind` literal plus its own fields. */
export interface ProviderSettingsV1 {
  kind: string;
}

/** A tool's default on this provider, with the reason `plan` and `validate --show-defaults` report. */
export interface ToolDefaultV1 {
  enabled: boolean;
  reason: string;
}

export type ToolName = 'autoscaler' | 'registryCache' | 'gpuDriver' | 'monitoring' | 'backups';

/** What offline validation may know besides the config itself. */
export interface ValidationContextV1 {
  /** Directory of the config file: relative paths in it resolve against this. */
  configDirectory: string;
  /** "Today", for rules that depend on dates (support calendars); injectable so tests are deterministic. */
  today: Date;
}

/**
 * The simulated cloud a session talks to instead of the real one (`--sim`, `hubfleet sim serve`,
 * tests): what the provider's sim factory in `@hubfleet/testkit` hands out when it starts.
 */
export interface SimulationV1 {
  /**
   * Service name → base URL on 127.0.0.1, named as the provider's sim names them (AWS: `eks`,
   * `ec2`, `iam`, `sts`, `s3`); `kubernetes` is the simulated cluster's API server, which stands in
   * for the endpoint the cloud reports for the cluster.
   */
  endpoints: Readonly<Record<string, string>>;
  /**
   * The simulated account's credentials, by the provider's own names (AWS: `accessKeyId`,
   * `secretAccessKey`). Fixed test values: a provider uses them instead of its credential chain, so
   * a `--sim` run never reads (or needs) a real credential.
   */
  credentials: Readonly<Record<string, string>>;
}

export interface ConnectContextV1 {
  /** Directory of the config file: relative paths (secret files, keys) resolve against it. */
  configDirectory: string;
  /** Present when running against a simulated cloud; absent for real clouds. */
  simulation?: SimulationV1;
  /**
   * @deprecated Use `simulation`. The endpoints alone, as before `simulation` existed; still read
   * (through `simulationOf`) with no credentials, which a caller then passes to its provider
   * directly (e.g. `connectAws`'s overrides).
   */
  simulatedEndpoints?: Record<string, string>;
  signal?: AbortSignal;
}

/** The simulation a context asks for, from `simulation` or the deprecated `simulatedEndpoints`. */
export function simulationOf(context: ConnectContextV1): SimulationV1 | undefined {
  if (context.simulation !== undefined) return context.simulation;
  if (context.simulatedEndpoints === undefined) return undefined;
  return { endpoints: context.simulatedEndpoints, credentials: {} };
}

/** A file `renderArtifacts` produces: a path relative to render's `--out`, e.g. `bootstrap/storage.sh`. */
export interface RenderedArtifactV1 {
  /** `<folder>/<file>`: one folder level, which render owns and replaces on every render. */
  path: string;
  content: string;
  /** Executable (a script). */
  executable?: boolean;
}

/**
 * A cloud provider, version 1 of the contract. A provider package exports one of these; the CLI
 * registers it with core. Everything here but `connect` is offline and imports no cloud SDK, so
 * `validate` and `--help` stay fast; `connect` imports its SDKs lazily.
 */
export interface ProviderV1<Settings extends ProviderSettingsV1 = ProviderSettingsV1>
  extends ProviderDeploymentV1 {
  readonly specificationVersion: 'v1';
  /** The `provider.kind` this provider answers to, e.g. `aws`. */
  readonly id: string;
  /** A human name, e.g. `AWS EKS`. */
  readonly displayName: string;
  /** Strict zod schema of the `provider:` section, including `kind: z.literal(id)`. */
  readonly configSchema: z.ZodType<Settings>;
  readonly capabilities: ProviderCapabilitiesV1;
  readonly catalog: MachineCatalogV1;
  /** What each tool defaults to when the config does not say. */
  readonly toolDefaults: Record<ToolName, ToolDefaultV1>;
  /**
   * A tool default that depends on the config, when `toolDefaults` cannot say it (OpenStack: the
   * label `auto_scaling_enabled: "true"` runs Magnum's own cluster-autoscaler, so hubfleet's is off).
   * `undefined` falls back to `toolDefaults`; an explicit `tools.<tool>.enabled` wins over both.
   */
  toolDefault?(config: HubfleetConfig<Settings>, tool: ToolName): ToolDefaultV1 | undefined;
  /** Provider-specific offline checks, run after the schema and the cross-field rules pass. */
  validate?(config: HubfleetConfig<Settings>, context: ValidationContextV1): ConfigIssue[];
  /**
   * Files generated from the config that the provider runs or installs on the cloud's machines,
   * written by `hubfleet render` so an operator can read exactly what will run (NeCTAR: the kubeadm
   * bootstrap scripts under `bootstrap/`). Offline, no SDK, and never a secret: values known only
   * at run time (tokens, addresses, volume ids) are inputs the files name, not contents.
   */
  renderArtifacts?(config: HubfleetConfig<Settings>): RenderedArtifactV1[];
  /**
   * Open a session against the cloud. Absent while a provider can validate configs but not yet
   * deploy; the CLI then says so instead of pretending.
   */
  connect?(config: HubfleetConfig<Settings>, context: ConnectContextV1): Promise<ProviderSessionV1>;
}
