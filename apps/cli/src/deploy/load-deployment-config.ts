import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  type ConnectContextV1,
  checkSecretsResolve,
  formatIssue,
  formatPath,
  type HubfleetConfig,
  HubfleetError,
  loadConfigFile,
  type ProviderSessionV1,
  type ProviderV1,
  resolveSecret,
  type SecretRef,
  summarizeIssues,
} from '@hubfleet/core';
import { registry } from '../providers.js';

/** A config ready to deploy, and how its secrets are read. */
export interface DeploymentConfig {
  config: HubfleetConfig;
  provider: ProviderV1;
  configDirectory: string;
  /** The value behind a reference: the real one, or in `--sim` a stand-in when it does not resolve here. */
  resolveSecret: (ref: SecretRef) => string;
  /** Opens a session on the provider's cloud (only providers that can deploy get this far). */
  connect: (context: ConnectContextV1) => Promise<ProviderSessionV1>;
}

/** What `--sim` writes where a secret does not resolve: obviously not a real secret. */
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

/**
 * Load and validate the config for a cloud command. A real run needs every secret reference to
 * resolve on this machine (else exit 2, as `validate` reports it). `--sim` may rehearse without
 * them: each reference that does not resolve gets a stand-in value (`simStandIn`) and one warning
 * line says so. Values are never printed either way.
 */
function loaded(file: string, checkSecrets: boolean): { config: HubfleetConfig; provider: ProviderV1 } {
  const result = loadConfigFile(file, { registry: registry(), checkSecrets });
  for (const issue of result.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  if (result.config === undefined || result.provider === undefined) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `${file} is invalid (${summarizeIssues(result.issues)})`,
      hint: 'fix the problems above (`hubfleet validate` shows them too), then run the command again',
    });
  }
  return { config: result.config, provider: result.provider };
}

function cannotDeploy(provider: ProviderV1): HubfleetError {
  return new HubfleetError({
    kind: 'invalid-config',
    message: `provider ${provider.id} can validate but not deploy yet`,
    hint: `\`hubfleet validate\` and \`hubfleet render\` work for ${provider.displayName}; plan, up, status, down and kubeconfig need a provider that connects (today: aws)`,
    subject: 'provider.kind',
  });
}

/**
 * Load and validate the config for a cloud command, refusing a provider that cannot deploy yet. A
 * real run needs every secret reference to resolve on this machine (else exit 2, reported as
 * `validate` reports it). `--sim` may rehearse without them: each reference that does not resolve
 * gets a stand-in value (`simStandIn`) and one warning line says so. Values are never printed.
 */
export function loadDeploymentConfig(file: string, sim: boolean): DeploymentConfig {
  const offline = loaded(file, false);
  const providerConnect = offline.provider.connect?.bind(offline.provider);
  if (providerConnect === undefined) throw cannotDeploy(offline.provider);
  const { config, provider } = sim ? offline : loaded(file, true);
  const configDirectory = dirname(resolve(file));
  const context = { env: process.env, configDirectory };
  const connect = (connectContext: ConnectContextV1) => providerConnect(config, connectContext);
  if (!sim) {
    return {
      config,
      provider,
      configDirectory,
      connect,
      resolveSecret: (ref) => resolveSecret(ref, context),
    };
  }
  const missing = unresolved(config, configDirectory);
  if (missing.length > 0) {
    process.stderr.write(
      `warning: --sim: ${missing.length} secret reference${missing.length === 1 ? ' does' : 's do'} not resolve here (${missing.join(', ')}); the simulated cloud gets clearly fake stand-in values instead. A real run refuses until they resolve.\n`,
    );
  }
  return {
    config,
    provider,
    configDirectory,
    connect,
    resolveSecret: (ref) => {
      try {
        return resolveSecret(ref, context);
      } catch (error) {
        if (HubfleetError.is(error) && error.kind === 'invalid-config') return simStandIn(ref);
        throw error;
      }
    },
  };
}
