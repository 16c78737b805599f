import { homedir } from 'node:os';
import { join } from 'node:path';

/** hubfleet's own helm home: `$XDG_CACHE_HOME/hubfleet/helm`, else `~/.cache/hubfleet/helm`. */
export function defaultHelmHome(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const cacheRoot =
    env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== ''
      ? env.XDG_CACHE_HOME
      : join(homedir(), '.cache');
  return join(cacheRoot, 'hubfleet', 'helm');
}

/**
 * The environment helm runs with: the caller's, minus anything that would point helm at another
 * cluster, namespace or storage driver than the flags say (`KUBECONFIG`, every `HELM_*`), plus
 * helm's cache, config and data directories inside `helmHome`, so the operator's own helm
 * repositories and plugins neither leak in nor get modified.
 */
export function helmEnvironment(
  helmHome: string,
  base: Readonly<Record<string, string | undefined>> = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined || name === 'KUBECONFIG' || name.startsWith('HELM_')) continue;
    env[name] = value;
  }
  env.HELM_CACHE_HOME = join(helmHome, 'cache');
  env.HELM_CONFIG_HOME = join(helmHome, 'config');
  env.HELM_DATA_HOME = join(helmHome, 'data');
  return env;
}
