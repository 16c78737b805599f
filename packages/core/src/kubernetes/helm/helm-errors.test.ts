import { describe, expect, it } from 'vitest';
import { helmMessage, isPendingOperationFailure, mapHelmFailure } from './helm-errors.js';

const map = (stderr: string) =>
  mapHelmFailure({ operation: 'upgrade --install', subject: 'monitoring/kps', stderr });

describe('helm failures as HubfleetErrors', () => {
  it('maps a busy release to a retryable conflict', () => {
    const stderr = 'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress\n';
    expect(isPendingOperationFailure(stderr)).toBe(true);
    expect(map(stderr)).toMatchObject({ kind: 'conflict', retryable: true, subject: 'monitoring/kps' });
  });

  it('maps a wait that ran out to a retryable timeout', () => {
    expect(map('Error: UPGRADE FAILED: timed out waiting for the condition\n')).toMatchObject({
      kind: 'timeout',
      retryable: true,
    });
  });

  it('maps an API server that refuses connections to unavailable', () => {
    const stderr = [
      'WARNING: Kubernetes configuration file is group-readable. This is insecure. Location: /x',
      'Error: Kubernetes cluster unreachable: Get "https://127.0.0.1:1/version?timeout=32s": dial tcp 127.0.0.1:1: connect: connection refused',
    ].join('\n');
    const error = map(stderr);
    expect(error.kind).toBe('unavailable');
    expect(error.retryable).toBe(true);
    expect(error.message).not.toContain('WARNING');
    expect(error.message).toContain('Kubernetes cluster unreachable');
  });

  it('maps a missing chart and refused values to invalid-config with helm message', () => {
    const missing = map(
      'Error: chart "velero" version "99.0.0" not found in https://vmware-tanzu.github.io/helm-charts repository\n',
    );
    expect(missing).toMatchObject({ kind: 'invalid-config', retryable: false });
    expect(missing.message).toBe(
      'helm upgrade --install of monitoring/kps failed: chart "velero" version "99.0.0" not found in https://vmware-tanzu.github.io/helm-charts repository',
    );
    const values = map(
      "Error: UPGRADE FAILED: values don't meet the specifications of the schema(s) in the following chart(s):\nvelero:\n- configuration: Invalid type\n",
    );
    expect(values.kind).toBe('invalid-config');
    expect(values.message).toContain('configuration: Invalid type');
  });

  it('maps permission problems and an unreachable chart repository', () => {
    expect(map('Error: secrets is forbidden: User "x" cannot list resource "secrets"').kind).toBe(
      'permission',
    );
    expect(
      map(
        'Error: looks like "https://charts.example" is not a valid chart repository or cannot be reached: dial tcp: no such host',
      ),
    ).toMatchObject({ kind: 'unavailable', retryable: true });
  });

  it('keeps an unknown failure, not retryable, with a hint', () => {
    const error = map('Error: something nobody has seen before');
    expect(error).toMatchObject({ kind: 'unavailable', retryable: false });
    expect(error.hint).toContain('--debug');
  });

  it('trims long messages and drops usage noise', () => {
    const long = `Error: template: ${'x'.repeat(1000)}\nUse --debug flag to render out invalid YAML`;
    const message = helmMessage(long);
    expect(message.length).toBe(400);
    expect(message.endsWith('…')).toBe(true);
    expect(helmMessage('')).toBe('helm failed without saying why');
  });
});
