import type { HubfleetConfig } from '../../config/deployment.js';
import type { HubConfig } from '../../config/hub.js';
import type { SecretRef } from '../../config/secret.js';
import type { Manifest } from '../release.js';
import type { Values } from './deep-merge.js';

/**
 * One secret a hub needs at run time: a key of the hub's auth Secret, the environment variable the hub
 * pod reads it from, and the config's reference to the value. `render` writes a placeholder in its
 * place; `up` resolves `ref` and writes the value into the Secret's `stringData[key]`.
 */
export interface HubSecret {
  /** The Kubernetes Secret in the hub's namespace, `<hub>-auth`. */
  secretName: string;
  /** The key in that Secret, e.g. `oauth-client-secret`. */
  key: string;
  /** The hub container's environment variable, e.g. `HUBFLEET_OAUTH_CLIENT_SECRET`. */
  env: string;
  ref: SecretRef;
}

/** The Secret holding a hub's authenticator secrets (client secrets, LTI keys, shared passwords). */
export function hubAuthSecretName(hub: Pick<HubConfig, 'name'>): string {
  return `${hub.name}-auth`;
}

/** `<secret: fromEnv NAME>`: unmistakable in a rendered manifest, and never a real value. */
export function secretPlaceholder(ref: SecretRef): string {
  return 'fromEnv' in ref ? `<secret: fromEnv ${ref.fromEnv}>` : `<secret: fromFile ${ref.fromFile}>`;
}

export function isSecretPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && /^<secret: from(Env|File) .+>$/.test(value);
}

/** A secret of this hub under `key` (kebab-case), read by the hub from `HUBFLEET_<KEY>`. */
export function hubSecret(hub: Pick<HubConfig, 'name'>, key: string, ref: SecretRef): HubSecret {
  return {
    secretName: hubAuthSecretName(hub),
    key,
    env: `HUBFLEET_${key.toUpperCase().replaceAll('-', '_')}`,
    ref,
  };
}

/** Python that reads a secret inside the hub pod, for `hub.extraConfig`. */
export function pythonSecret(secret: HubSecret): string {
  return `os.environ[${JSON.stringify(secret.env)}]`;
}

/** `hub.extraEnv` entries that expose each secret to the hub container via `secretKeyRef`. */
export function secretEnvValues(secrets: readonly HubSecret[]): Values {
  return Object.fromEntries(
    secrets.map((secret) => [
      secret.env,
      { valueFrom: { secretKeyRef: { name: secret.secretName, key: secret.key } } },
    ]),
  );
}

/** The hub's auth Secret with a placeholder for every value; undefined when the hub needs none. */
export function hubSecretManifest(
  config: Pick<HubfleetConfig, 'name'>,
  hub: Pick<HubConfig, 'name'>,
  secrets: readonly HubSecret[],
): Manifest | undefined {
  if (secrets.length === 0) return undefined;
  const metadata = {
    name: hubAuthSecretName(hub),
    namespace: hub.name,
    labels: {
      'app.kubernetes.io/managed-by': 'hubfleet',
      'hubfleet.io/deployment': config.name,
      'hubfleet.io/component': 'hub-auth',
      'hubfleet.io/hub': hub.name,
    },
  };
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata,
    type: 'Opaque',
    stringData: Object.fromEntries(secrets.map((secret) => [secret.key, secretPlaceholder(secret.ref)])),
  };
}
