import type { RestRoute } from '../../framework/rest-router.js';
import { type GoogleOperation, googleRoute } from '../google-protocol.js';
import { getBucketIamPolicy, setBucketIamPolicy } from './storage-bucket-iam.js';
import { deleteBucket, getBucket, insertBucket, patchBucket } from './storage-buckets.js';
import { deleteObject, getObject, listObjects, uploadObject } from './storage-objects.js';
import type { StorageContext } from './storage-settings.js';

const BUCKET = '/storage/v1/b/{bucket}';
type Route = RestRoute<GoogleOperation<StorageContext>>;

/** The Cloud Storage JSON API v1 paths the fake serves (buckets, bucket IAM, simple uploads, objects). */
export const STORAGE_ROUTES: readonly Route[] = [
  googleRoute('POST', '/storage/v1/b', 'InsertBucket', 'storage.buckets.create', insertBucket),
  googleRoute('GET', BUCKET, 'GetBucket', 'storage.buckets.get', getBucket),
  googleRoute('PATCH', BUCKET, 'PatchBucket', 'storage.buckets.update', patchBucket),
  googleRoute('DELETE', BUCKET, 'DeleteBucket', 'storage.buckets.delete', deleteBucket),
  googleRoute(
    'GET',
    `${BUCKET}/iam`,
    'GetBucketIamPolicy',
    'storage.buckets.getIamPolicy',
    getBucketIamPolicy,
  ),
  googleRoute(
    'PUT',
    `${BUCKET}/iam`,
    'SetBucketIamPolicy',
    'storage.buckets.setIamPolicy',
    setBucketIamPolicy,
  ),
  googleRoute(
    'POST',
    '/upload/storage/v1/b/{bucket}/o',
    'InsertObject',
    'storage.objects.create',
    uploadObject,
    {
      rawBody: true,
    },
  ),
  googleRoute('GET', `${BUCKET}/o`, 'ListObjects', 'storage.objects.list', listObjects),
  googleRoute('GET', `${BUCKET}/o/{object}`, 'GetObject', 'storage.objects.get', getObject),
  googleRoute('DELETE', `${BUCKET}/o/{object}`, 'DeleteObject', 'storage.objects.delete', deleteObject),
];
