import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  type ConnectContextV1,
  checkSecretsResolve,
  formatPath,
  type HubfleetConfig,
  HubfleetError,
  type ProviderSessionV1,
  type ProviderV1,
  resolveSecret,
  type SecretRef,
} from '@hubfleet/core';
import { loadValidConfig } from '../config/load-valid-config.js';

/** A config ready to deploy, and how its secrets are read. */
export interface DeploymentConfig {
  config: HubfleetConfig;
  provider: ProviderV1;
  configDirectory: string;
  /** The value behind a reference: the real one, or in `--sim` always a stand-in (`simStandIn`). */
  resolveSecret: (ref: SecretRef) => string;
  /** Opens a session on the provider's cloud (only providers that can deploy get this far). */
  connect: (context: ConnectContextV1) => Promise<ProviderSessionV1>;
}

/** What `--sim` writes for every secret: obviously not a real secret. */
export function simStandIn(ref: SecretRef): string {
  const what = 'fromEnv' in ref ? ref.fromEnv : ref.fromFile;
  return `hubfleet-sim-stand-in-for-${what.replace(/[^A-Za-z0-9_.-]/g, '-')}`;
}

function unresolved(config: HubfleetConfig, configDirectory: string): string[] {
  const context = { env: process.env, configDirectory };
  const secrets = checkSecretsResolve(config, context).map((issue) => formatPath(issue.path));
  const { tls } = config.ingress;
  const certFile = tls.mode === 'manual' ? tls.certFile : undefined;
  const missingCert =
    certFile !== undefined && !existsSync(resolve(configDirectory, certFile)) ? ['ingress.tls.certFile'] : [];
  return [...secrets, ...missingCert];
}

/** The provider's `connect`, or the refusal of a provider that can validate but not deploy. */
function connectOf(provider: ProviderV1): NonNullable<ProviderV1['connect']> {
  if (provider.connect !== undefined) return provider.connect.bind(provider);
  throw new HubfleetError({
    kind: 'invalid-config',
    message: `provider ${provider.id} can validate but not deploy yet`,
    hint: `\`hubfleet validate\` and \`hubfleet render\` work for ${provider.displayName}; plan, up, status, down and kubeconfig need a provider that connects (today: aws)`,
    subject: 'provider.kind',
  });
}

/** `--sim`'s one warning line about references that would stop a real run. */
function warnUnresolved(config: HubfleetConfig, configDirectory: string): void {
  const missing = unresolved(config, configDirectory);
  if (missing.length === 0) return;
  process.stderr.write(
    `warning: --sim: ${missing.length} secret reference${missing.length === 1 ? ' does' : 's do'} not resolve here (${missing.join(', ')}); the simulated cloud gets clearly fake stand-in values instead. A real run refuses until they resolve.\n`,
  );
}

/**
 * Load and validate the config for a cloud command (once: its warnings print once), refusing a
 * provider that cannot deploy yet (after `acceptSim`, which refuses one with no simulated cloud). A real run needs every secret reference to resolve on this
 * machine (else exit 2, reported as `validate` reports it). `--sim` never reads a real secret: every
 * reference gets a stand-in value (`simStandIn`), so nothing real reaches the simulated cloud's state
 * on disk, and one warning line names the references a real run would still need. Values are never
 * printed.
 */
export function loadDeploymentConfig(
  file: string,
  sim: boolean,
  acceptSim?: (provider: ProviderV1) => void,
): DeploymentConfig {
  const { config, provider } = loadValidConfig(file, {
    checkSecrets: !sim,
    hint: 'fix the problems above (`hubfleet validate` shows them too), then run the command again',
    accept: (found) => {
      acceptSim?.(found);
      connectOf(found);
    },
  });
  const providerConnect = connectOf(provider);
  const configDirectory = dirname(resolve(file));
  const connect = (connectContext: ConnectContextV1) => providerConnect(config, connectContext);
  if (sim) {
    warnUnresolved(config, configDirectory);
    return { config, provider, configDirectory, connect, resolveSecret: simStandIn };
  }
  const context = { env: process.env, configDirectory };
  return { config, provider, configDirectory, connect, resolveSecret: (ref) => resolveSecret(ref, context) };
}
