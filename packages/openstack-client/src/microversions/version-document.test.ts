import { describe, expect, it } from 'vitest';
import { chooseMicroversion, formatMicroversion, requireMicroversion } from './microversion.js';
import { parseVersionDocument, versionDocumentUrl } from './version-document.js';

const range = (headers: Record<string, string>, body: unknown, major: string) => {
  const parsed = parseVersionDocument(new Headers(headers), JSON.stringify(body), major);
  return parsed && { min: formatMicroversion(parsed.min), max: formatMicroversion(parsed.max) };
};

describe('version documents', () => {
  it("reads Nova's {version}", () => {
    expect(
      range({}, { version: { id: 'v2.1', status: 'CURRENT', version: '2.96', min_version: '2.1' } }, 'v2'),
    ).toEqual({ min: '2.1', max: '2.96' });
  });

  it("reads Cinder's {versions[]} and picks the major asked for", () => {
    const body = {
      versions: [
        { id: 'v2.0', version: '', min_version: '' },
        { id: 'v3.0', version: '3.71', min_version: '3.0' },
      ],
    };
    expect(range({}, body, 'v3')).toEqual({ min: '3.0', max: '3.71' });
  });

  it("reads Magnum's root max_version and its /v1 headers", () => {
    expect(
      range(
        {},
        { versions: [{ id: 'v1', status: 'CURRENT', min_version: '1.1', max_version: '1.11' }] },
        'v1',
      ),
    ).toEqual({ min: '1.1', max: '1.11' });
    const headers = {
      'OpenStack-API-Minimum-Version': 'container-infra 1.1',
      'OpenStack-API-Maximum-Version': 'container-infra 1.14',
    };
    expect(range(headers, { id: 'v1' }, 'v1')).toEqual({ min: '1.1', max: '1.14' });
  });

  it('answers undefined for a service without microversions', () => {
    expect(range({}, { versions: [{ id: 'v2.0', status: 'CURRENT' }] }, 'v2')).toBeUndefined();
    expect(parseVersionDocument(new Headers(), 'not json', 'v2')).toBeUndefined();
  });

  it('finds the document right after the version segment', () => {
    expect(versionDocumentUrl('https://c:8776/v3/p123')).toEqual({ url: 'https://c:8776/v3/', major: 'v3' });
    expect(versionDocumentUrl('https://c/compute/v2.1')).toEqual({
      url: 'https://c/compute/v2.1/',
      major: 'v2',
    });
    expect(versionDocumentUrl('https://v2.example.org/api')).toBeUndefined();
  });

  it('chooses the highest version both sides speak, compared numerically (1.10 > 1.9)', () => {
    const server = { min: requireMicroversion('1.1'), max: requireMicroversion('1.10') };
    expect(formatMicroversion(chooseMicroversion(server, requireMicroversion('1.14')))).toBe('1.10');
    expect(formatMicroversion(chooseMicroversion(server, requireMicroversion('1.9')))).toBe('1.9');
    const newer = { min: requireMicroversion('2.50'), max: requireMicroversion('2.96') };
    expect(formatMicroversion(chooseMicroversion(newer, requireMicroversion('2.1')))).toBe('2.50');
  });
});
