/** What one run of the helm binary produced. */
export interface HelmRunResult {
  /** Exit code; non-zero means helm failed. */
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs helm with these arguments and environment. The real one spawns the binary (`spawnHelm`);
 * tests pass a scripted one and assert on the argv, so no cluster is needed.
 */
export type HelmRunner = (
  args: readonly string[],
  env: Readonly<Record<string, string>>,
) => Promise<HelmRunResult>;

/** The states helm records for a release revision. */
export type HelmReleaseStatus =
  | 'unknown'
  | 'deployed'
  | 'uninstalled'
  | 'superseded'
  | 'failed'
  | 'uninstalling'
  | 'pending-install'
  | 'pending-upgrade'
  | 'pending-rollback';

/** One line of `helm history -o json`. */
export interface HelmRevision {
  revision: number;
  status: HelmReleaseStatus;
  /** When helm last wrote this revision. */
  updated: Date | undefined;
  chart: string | undefined;
  appVersion: string | undefined;
  description: string | undefined;
}

/** The parts of `helm status -o json` (and `upgrade -o json`) hubfleet reads. */
export interface HelmReleaseState {
  name: string;
  namespace: string;
  revision: number;
  status: HelmReleaseStatus;
  description: string | undefined;
  lastDeployed: Date | undefined;
}
