import { describe, expect, it } from 'vitest';
import { HubfleetError } from '../../errors/hubfleet-error.js';
import { parseLintMessages, parseManifests, parseReleaseState } from './helm-output.js';

describe('reading helm output', () => {
  it('reads the objects of a multi-document stream, skipping empty documents', () => {
    const text = [
      '---',
      '# Source: tiny/templates/empty.yaml',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: { name: a, namespace: n }',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: { name: b }',
      '',
    ].join('\n');
    expect(parseManifests(text).map((manifest) => manifest.metadata.name)).toEqual(['a', 'b']);
  });

  it('refuses a document that is not a Kubernetes object, and broken YAML', () => {
    expect(() => parseManifests('just: data\n')).toThrow(HubfleetError);
    expect(() => parseManifests('kind: [\n')).toThrow(/invalid YAML/);
  });

  it('reads unknown statuses as unknown rather than failing', () => {
    expect(parseReleaseState('{"name":"r","version":2,"info":{"status":"something-new"}}')).toMatchObject({
      revision: 2,
      status: 'unknown',
      namespace: '',
      lastDeployed: undefined,
    });
  });

  it('reads lint messages by severity', () => {
    const output = [
      '==> Linting ./tiny',
      '[INFO] Chart.yaml: icon is recommended',
      '[WARNING] templates/: directory not found',
      '[ERROR] values.yaml: unable to parse YAML',
      '',
      'Error: 1 chart(s) linted, 1 chart(s) failed',
    ].join('\n');
    expect(parseLintMessages(output)).toEqual([
      { severity: 'info', text: 'Chart.yaml: icon is recommended' },
      { severity: 'warning', text: 'templates/: directory not found' },
      { severity: 'error', text: 'values.yaml: unable to parse YAML' },
    ]);
  });
});
