import { type GkeDeployment, unlessNotFound } from './gke-deployment.js';
import { isGoogleAlreadyExists } from './gke-errors.js';
import { hasMember, type IamPolicy, updatePolicy, withMember } from './gke-iam-policy.js';
import { googleRest, segment } from './gke-rest.js';
import { veleroAccountEmail, veleroAccountId, veleroWorkloadMember } from './gke-velero-account.js';
import { getBucket } from './gke-velero-bucket.js';

export const WORKLOAD_IDENTITY_USER = 'roles/iam.workloadIdentityUser';
/** velero signs download URLs (`velero backup logs`) as its own account: signBlob on itself. */
export const TOKEN_CREATOR = 'roles/iam.serviceAccountTokenCreator';
export const OBJECT_ADMIN = 'roles/storage.objectAdmin';
/** velero's GCP plugin snapshots persistent disks (its VolumeSnapshotLocation): a role on the project. */
export const SNAPSHOT_ADMIN = 'roles/compute.storageAdmin';

/** What velero's Google identity has now. */
export interface ObservedVeleroAccess {
  email: string;
  /** velero's Kubernetes service account may act as the Google one. */
  workloadBinding: boolean;
  /** The Google service account may sign as itself. */
  signerBinding: boolean;
  /** The Google service account may read and write the bucket's objects (false while there is no bucket). */
  bucketBinding: boolean;
  /** The Google service account may snapshot the project's persistent disks. */
  snapshotBinding: boolean;
}

/**
 * velero's Google service account (`velero-<deployment>`), what may act as it (velero's Kubernetes
 * service account, through Workload Identity) and what it may do (objects in the backup bucket, and
 * snapshots of the project's persistent disks).
 */
export function gkeVeleroIdentity(gke: GkeDeployment, bucket: string) {
  const email = veleroAccountEmail(gke.deployment, gke.project);
  const account = `/v1/projects/${gke.project}/serviceAccounts/${segment(email)}`;
  const subject = 'identity/velero';
  const self = `serviceAccount:${email}`;
  const workloadMember = veleroWorkloadMember(gke.project);

  const accountPolicy = async () =>
    (
      await googleRest<IamPolicy>(gke, 'iam', 'iam.serviceAccounts.getIamPolicy', subject, {
        method: 'POST',
        path: `${account}:getIamPolicy`,
      })
    ).data;
  const bucketPolicy = async () =>
    (
      await googleRest<IamPolicy>(gke, 'storage', 'storage.buckets.getIamPolicy', `bucket/${bucket}`, {
        method: 'GET',
        path: `/storage/v1/b/${segment(bucket)}/iam`,
      })
    ).data;
  const projectPolicy = async () =>
    (
      await googleRest<IamPolicy>(
        gke,
        'resourcemanager',
        'resourcemanager.projects.getIamPolicy',
        `project/${gke.project}`,
        { method: 'POST', path: `/v1/projects/${segment(gke.project)}:getIamPolicy`, body: {} },
      )
    ).data;
  const writeProjectPolicy = (policy: IamPolicy) =>
    googleRest(gke, 'resourcemanager', 'resourcemanager.projects.setIamPolicy', `project/${gke.project}`, {
      method: 'POST',
      path: `/v1/projects/${segment(gke.project)}:setIamPolicy`,
      body: { policy },
    });
  const writeBucketPolicy = (policy: IamPolicy) =>
    googleRest(gke, 'storage', 'storage.buckets.setIamPolicy', `bucket/${bucket}`, {
      method: 'PUT',
      path: `/storage/v1/b/${segment(bucket)}/iam`,
      body: policy,
    });

  async function observe(): Promise<ObservedVeleroAccess | undefined> {
    const found = await unlessNotFound(
      googleRest(gke, 'iam', 'iam.serviceAccounts.get', subject, { method: 'GET', path: account }),
    );
    if (found === undefined) return undefined;
    const policy = await accountPolicy();
    const onBucket = (await getBucket(gke, bucket)) === undefined ? undefined : await bucketPolicy();
    return {
      email,
      workloadBinding: hasMember(policy, WORKLOAD_IDENTITY_USER, workloadMember),
      signerBinding: hasMember(policy, TOKEN_CREATOR, self),
      bucketBinding: hasMember(onBucket, OBJECT_ADMIN, self),
      snapshotBinding: hasMember(await projectPolicy(), SNAPSHOT_ADMIN, self),
    };
  }

  async function ensureAccount(): Promise<void> {
    try {
      await googleRest(gke, 'iam', 'iam.serviceAccounts.create', subject, {
        method: 'POST',
        path: `/v1/projects/${gke.project}/serviceAccounts`,
        body: {
          accountId: veleroAccountId(gke.deployment),
          serviceAccount: {
            displayName: `velero (${gke.deployment})`,
            description: `hubfleet deployment ${gke.deployment}: velero's backups to gs://${bucket}, through Workload Identity`,
          },
        },
      });
    } catch (error) {
      // Made by an earlier run (or its answer was lost): the name is the deployment's.
      if (!isGoogleAlreadyExists(error)) throw error;
    }
  }

  /**
   * The account, then the bindings. The Workload Identity binding needs the cluster's pool to exist
   * (IAM refuses a member of a pool no cluster has made), so this runs after the cluster; the bucket
   * binding needs the bucket (the `bucket/<name>` step, before this one).
   */
  async function ensure(): Promise<void> {
    if ((await observe()) === undefined) await ensureAccount();
    await updatePolicy(
      accountPolicy,
      (policy) =>
        googleRest(gke, 'iam', 'iam.serviceAccounts.setIamPolicy', subject, {
          method: 'POST',
          path: `${account}:setIamPolicy`,
          body: { policy },
        }),
      (policy) =>
        hasMember(policy, WORKLOAD_IDENTITY_USER, workloadMember) && hasMember(policy, TOKEN_CREATOR, self)
          ? undefined
          : withMember(withMember(policy, WORKLOAD_IDENTITY_USER, workloadMember), TOKEN_CREATOR, self),
    );
    await updatePolicy(bucketPolicy, writeBucketPolicy, (policy) =>
      hasMember(policy, OBJECT_ADMIN, self) ? undefined : withMember(policy, OBJECT_ADMIN, self),
    );
    await updatePolicy(projectPolicy, writeProjectPolicy, (policy) =>
      hasMember(policy, SNAPSHOT_ADMIN, self) ? undefined : withMember(policy, SNAPSHOT_ADMIN, self),
    );
  }

  /**
   * The account and its grants on the bucket and the project go (only its own member: other members
   * of those roles stay). The bucket is its own step (`bucket/<name>`), deleted after this one.
   */
  async function remove(): Promise<void> {
    await updatePolicy(projectPolicy, writeProjectPolicy, (policy) =>
      hasMember(policy, SNAPSHOT_ADMIN, self) ? withMember(policy, SNAPSHOT_ADMIN, self, true) : undefined,
    );
    if ((await getBucket(gke, bucket)) !== undefined) {
      await updatePolicy(bucketPolicy, writeBucketPolicy, (policy) =>
        hasMember(policy, OBJECT_ADMIN, self) ? withMember(policy, OBJECT_ADMIN, self, true) : undefined,
      );
    }
    await unlessNotFound(
      googleRest(gke, 'iam', 'iam.serviceAccounts.delete', subject, { method: 'DELETE', path: account }),
    );
  }

  return { email, observe, ensure, remove };
}
