import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimWorkspace } from './sim-harness.js';

/** The lock objects the simulated S3 holds now. */
export function lockObjects(workspace: SimWorkspace): string[] {
  const file = join(workspace.stateDirectory, 's3.json');
  if (!existsSync(file)) return [];
  const s3 = JSON.parse(readFileSync(file, 'utf8'));
  return Object.values(s3.buckets as Record<string, { objects: object }>).flatMap((bucket) =>
    Object.keys(bucket.objects),
  );
}
