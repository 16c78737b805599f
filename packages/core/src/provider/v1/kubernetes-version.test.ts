import { describe, expect, it } from 'vitest';
import { isSameMinorVersion, minorVersionOf, versionChange } from './kubernetes-version.js';

describe('isSameMinorVersion', () => {
  it('matches the minor version with or without a patch and a leading v', () => {
    expect(isSameMinorVersion('1.34', '1.34')).toBe(true);
    expect(isSameMinorVersion('1.34', '1.34.2')).toBe(true);
    expect(isSameMinorVersion('1.34', 'v1.34.2')).toBe(true);
    expect(isSameMinorVersion('1.34', '1.33.9')).toBe(false);
    expect(isSameMinorVersion('1.3', '1.34')).toBe(false);
  });
});

describe('versionChange', () => {
  it('tells one minor version up from a skip, a downgrade and no change', () => {
    expect(versionChange('1.33', '1.34')).toBe('upgrade');
    expect(versionChange('v1.33.4', '1.34')).toBe('upgrade');
    expect(versionChange('1.34.1', '1.34')).toBe('same');
    expect(versionChange('1.33', '1.35')).toBe('skip');
    expect(versionChange('1.33', '1.32')).toBe('downgrade');
    expect(versionChange('1.9', '1.10')).toBe('upgrade');
    expect(minorVersionOf('v1.34.2-eks-1234')).toBe('1.34');
  });
});
