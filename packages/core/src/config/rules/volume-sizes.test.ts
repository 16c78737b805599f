import { describe, expect, it } from 'vitest';
import type { HubfleetConfig } from '../deployment.js';
import { checkVolumeSizes } from './volume-sizes.js';

const withSizes = (...sizes: string[]) =>
  ({
    hubs: sizes.map((size, index) => ({ name: `h${index}`, storage: { home: 'shared-nfs', size } })),
  }) as unknown as HubfleetConfig;

describe('checkVolumeSizes', () => {
  const disk = {
    volumeType: 'GCE persistent disk (pd-balanced)',
    minGiB: 10,
    maxGiB: 65_536,
    wholeGiB: true,
  };

  it('refuses sizes outside the volume type, naming the range; accepts the bounds', () => {
    const issues = checkVolumeSizes(withSizes('5Gi', '10Gi', '64Ti', '65Ti'), disk);
    expect(issues.map((issue) => [issue.path.join('.'), issue.severity, issue.message])).toEqual([
      [
        'hubs.0.storage.size',
        'error',
        '5Gi is outside what a GCE persistent disk (pd-balanced) can be (10 GiB to 64 TiB)',
      ],
      [
        'hubs.3.storage.size',
        'error',
        '65Ti is outside what a GCE persistent disk (pd-balanced) can be (10 GiB to 64 TiB)',
      ],
    ]);
  });

  it("a user's volume below the minimum is a claim the storage class may round up: a warning", () => {
    const config = withSizes('1Gi', '100Ti');
    for (const hub of config.hubs) hub.storage.home = 'per-user-volume';
    expect(checkVolumeSizes(config, disk).map((issue) => [issue.severity, issue.message])).toEqual([
      [
        'warning',
        "1Gi is below a GCE persistent disk (pd-balanced)'s minimum (10 GiB): the storage class may round each user's volume up, or refuse it",
      ],
      ['error', '100Ti is outside what a GCE persistent disk (pd-balanced) can be (10 GiB to 64 TiB)'],
    ]);
  });

  it('warns when the cloud will round a fraction of a GiB up; no maximum means the quota decides', () => {
    const cinder = { volumeType: 'Cinder volume', minGiB: 1, wholeGiB: true };
    const issues = checkVolumeSizes(withSizes('1.5Gi', '500Ti', '512Mi'), cinder);
    expect(issues.map((issue) => [issue.severity, issue.message])).toEqual([
      ['warning', '1.5Gi is not a whole number of GiB: the Cinder volume will be 2 GiB'],
      ['error', '512Mi is outside what a Cinder volume can be (1 GiB to the project quota)'],
    ]);
  });
});
