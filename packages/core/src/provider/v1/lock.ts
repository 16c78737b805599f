/** Who holds a deployment's lock: written into the lock by the run that took it, shown to any run refused. */
export interface LockHolderV1 {
  /** Unique per run (a random UUID): a run only renews or releases a lock that still carries its id. */
  id: string;
  /** The operating-system user. */
  user: string;
  /** The machine's host name. */
  host: string;
  /** The holding process, so a run on the same host can tell that the holder has died. */
  pid: number;
  /** The command line that took it, e.g. `hubfleet up -c hubfleet.yaml --yes`. */
  command: string;
  /** When the lock was taken (ISO 8601). */
  startedAt: string;
  /** The holder's last renewal (ISO 8601); a lock not renewed for the expiry period is stale. */
  heartbeatAt: string;
}

/** The lock as the cloud stores it, with the version the cloud gave it (an S3 ETag, a GCS generation). */
export interface DeploymentLockRecordV1 {
  holder: LockHolderV1;
  version: string;
}

/**
 * Optional in v1: the deployment's lock, held in the cloud itself so that two runs on any machines
 * never change one deployment at once. Each method is one atomic operation on the cloud's side,
 * conditional on what is there: AWS an S3 object written with `If-None-Match: *` and replaced or
 * deleted with `If-Match: <etag>` (as Terraform's S3 backend locks); GCS would use an object with
 * `ifGenerationMatch=0` / `ifGenerationMatch=<generation>`; OpenStack a resource created under a
 * unique name. A provider retries its cloud's "concurrent request" answer (S3 409) itself.
 * Acquiring, renewing (heartbeat), expiry and breaking are core's (`holdDeploymentLock`).
 *
 * Fallback when a provider has none: `up` and `down` still run, and warn on stderr that nothing stops
 * a second run on the same deployment meanwhile.
 */
export interface DeploymentLockApiV1 {
  /** Where the lock lives, for messages (e.g. `s3://hubfleet-locks-…/prod-green/lock.json`). */
  readonly location: string;
  /** The lock, or undefined when no one holds it. */
  read(): Promise<DeploymentLockRecordV1 | undefined>;
  /** Create the lock only when there is none: its version, or undefined when one exists already. */
  create(holder: LockHolderV1): Promise<string | undefined>;
  /** Replace the lock only while it is still at `version`: the new version, or undefined when it changed or is gone. */
  replace(version: string, holder: LockHolderV1): Promise<string | undefined>;
  /** Delete the lock only while it is still at `version`: false when it changed; true when it is gone (already, too). */
  delete(version: string): Promise<boolean>;
}
