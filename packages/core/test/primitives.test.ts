import { describe, expect, it } from 'vitest';
import {
  cpuToCores,
  didYouMean,
  durationToMs,
  formatPath,
  quantityToBytes,
  quantityToGiB,
} from '../src/index.js';

describe('quantities, durations and paths', () => {
  it('parse Kubernetes quantities', () => {
    expect(quantityToBytes('512Mi')).toBe(512 * 2 ** 20);
    expect(quantityToBytes('0.5G')).toBe(5e8);
    expect(quantityToGiB('100Gi')).toBe(100);
    expect(quantityToGiB('1.5G')).toBe(2);
    expect(cpuToCores('500m')).toBe(0.5);
    expect(cpuToCores(2)).toBe(2);
  });

  it('parse durations', () => {
    expect(durationToMs('1h30m')).toBe(5_400_000);
    expect(durationToMs('720h')).toBe(720 * 3_600_000);
  });

  it('format paths the way users write them', () => {
    expect(formatPath(['hubs', 1, 'profiles', 0, 'nodeGroup'])).toBe('hubs[1].profiles[0].nodeGroup');
  });

  it('suggest only near names', () => {
    expect(didYouMean('instanceTpye', ['instanceType', 'min', 'max'])).toBe('instanceType');
    expect(didYouMean('zzz', ['instanceType', 'name'])).toBeUndefined();
  });
});
