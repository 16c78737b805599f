import { homedir } from 'node:os';
import { HubfleetError } from '@hubfleet/core';
import type { OpenStackCredentials } from '../auth/credentials.js';
import { cloudsYamlFile, credentialsFromCloudsYaml } from './clouds-yaml.js';
import { credentialsFromEnv, hasOpenrcVariables } from './openrc-env.js';

export interface LoadCredentialsOptions {
  /** The cloud in clouds.yaml; else OS_CLOUD. */
  cloud?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  home?: string;
  systemDir?: string;
}

/**
 * Where openstack's own tools look, in their order: a named cloud (option or OS_CLOUD) in
 * clouds.yaml; else a sourced openrc's OS_* variables; else the only cloud of a clouds.yaml.
 */
export function loadOpenStackCredentials(options: LoadCredentialsOptions = {}): OpenStackCredentials {
  const env = options.env ?? process.env;
  const places = {
    env,
    cwd: options.cwd ?? process.cwd(),
    home: options.home ?? homedir(),
    ...(options.systemDir ? { systemDir: options.systemDir } : {}),
  };
  if (options.cloud ?? env.OS_CLOUD) return credentialsFromCloudsYaml(places, options.cloud);
  if (hasOpenrcVariables(env)) return credentialsFromEnv(env);
  if (cloudsYamlFile(places)) return credentialsFromCloudsYaml(places);
  throw new HubfleetError({
    kind: 'invalid-config',
    message: 'No OpenStack credentials: no OS_CLOUD, no OS_AUTH_URL and no clouds.yaml',
    hint: "Download clouds.yaml (or the openrc file) from the dashboard's API Access page: put clouds.yaml in ~/.config/openstack/ and set OS_CLOUD, or `source` the openrc file.",
    subject: 'openstack credentials',
  });
}
