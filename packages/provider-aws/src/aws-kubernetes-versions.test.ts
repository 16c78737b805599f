import { describe, expect, it } from 'vitest';
import { checkEksKubernetesVersion, EKS_VERSIONS } from './aws-kubernetes-versions.js';

const path = ['cluster', 'kubernetesVersion'];

describe('checkEksKubernetesVersion', () => {
  it('accepts a version in standard support', () => {
    expect(checkEksKubernetesVersion('1.34', new Date('2026-11-21'))).toEqual([]);
  });

  it('warns on the first day after standard support ends, until extended support ends', () => {
    expect(checkEksKubernetesVersion('1.34', new Date('2026-12-02'))).toEqual([]);
    const [issue] = checkEksKubernetesVersion('1.34', new Date('2026-12-03'));
    expect(issue).toMatchObject({ path, severity: 'warning' });
    expect(issue?.message).toContain('extended support until 2027-12-02');
    expect(checkEksKubernetesVersion('1.34', new Date('2027-12-02'))[0]?.severity).toBe('warning');
  });

  it('refuses a version once its extended support has ended', () => {
    expect(checkEksKubernetesVersion('1.31', new Date('2026-11-27'))).toEqual([
      {
        path,
        severity: 'error',
        message: 'EKS extended support for Kubernetes 1.31 ended on 2026-11-26',
        hint: 'use "1.35"',
      },
    ]);
  });

  it('refuses a version older than the calendar', () => {
    expect(checkEksKubernetesVersion('1.29', new Date('2026-11-21'))[0]).toMatchObject({
      severity: 'error',
      message: 'EKS no longer runs Kubernetes 1.29',
    });
  });

  it('only warns about a version newer than the calendar', () => {
    const [issue] = checkEksKubernetesVersion('1.37', new Date('2026-11-21'));
    expect(issue?.severity).toBe('warning');
    expect(issue?.message).toContain('newer than hubfleet');
  });

  it('suggests the newest version still in standard support', () => {
    expect(checkEksKubernetesVersion('1.16', new Date('2026-01-01'))[0]?.hint).toBe('use "1.35"');
  });

  it('keeps the calendar ordered, with extended support after standard support', () => {
    const minors = EKS_VERSIONS.map((row) => Number(row.minor.split('.')[1]));
    expect(minors).toEqual([...minors].sort((a, b) => a - b));
    for (const row of EKS_VERSIONS) {
      expect(row.extendedSupportEnds > row.standardSupportEnds, row.minor).toBe(true);
    }
  });
});
