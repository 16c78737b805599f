import { stringField } from '../../framework/json-body.js';
import { invalidArgument } from '../google-errors.js';
import type { GoogleRequest } from '../google-protocol.js';
import { bindingsFrom, policyEtag } from '../iam-policy.js';
import { findBucket } from './storage-buckets.js';
import { conditionNotMet } from './storage-errors.js';
import type { StorageContext } from './storage-settings.js';
import type { GcsBucketRecord } from './storage-state.js';

function renderPolicy(bucket: GcsBucketRecord) {
  return {
    kind: 'storage#policy',
    resourceId: `projects/_/buckets/${bucket.name}`,
    version: 1,
    etag: policyEtag(bucket.iam, 'CAE='),
    bindings: bucket.iam.bindings.map((binding) => ({ role: binding.role, members: [...binding.members] })),
  };
}

/** buckets.getIamPolicy: `GET /storage/v1/b/{bucket}/iam`. */
export function getBucketIamPolicy(context: StorageContext, request: GoogleRequest): unknown {
  return renderPolicy(findBucket(context, request.labels.bucket ?? ''));
}

/**
 * buckets.setIamPolicy: `PUT /storage/v1/b/{bucket}/iam` with the whole policy. An `etag` other than
 * the current one is a lost read-modify-write race: 412. A service account that does not exist is
 * refused, as GCS refuses it.
 */
export function setBucketIamPolicy(context: StorageContext, request: GoogleRequest): unknown {
  const bucket = findBucket(context, request.labels.bucket ?? '');
  const etag = stringField(request.body, 'etag');
  if (etag !== undefined && etag !== policyEtag(bucket.iam, 'CAE=')) throw conditionNotMet();
  const bindings = bindingsFrom(request.body);
  const exists = context.options.serviceAccountExists;
  for (const member of bindings.flatMap((binding) => binding.members)) {
    const email = /^serviceAccount:([^[\]]+)$/.exec(member)?.[1];
    if (email !== undefined && exists !== undefined && !exists(email)) {
      throw invalidArgument(`Service account ${email} does not exist.`, 'invalid');
    }
  }
  bucket.iam = { bindings, revision: bucket.iam.revision + 1 };
  return renderPolicy(bucket);
}
