import { describe, expect, it } from 'vitest';
import { isSameMinorVersion } from './kubernetes-version.js';

describe('isSameMinorVersion', () => {
  it('matches the minor version with or without a patch and a leading v', () => {
    expect(isSameMinorVersion('1.34', '1.34')).toBe(true);
    expect(isSameMinorVersion('1.34', '1.34.2')).toBe(true);
    expect(isSameMinorVersion('1.34', 'v1.34.2')).toBe(true);
    expect(isSameMinorVersion('1.34', '1.33.9')).toBe(false);
    expect(isSameMinorVersion('1.3', '1.34')).toBe(false);
  });
});
