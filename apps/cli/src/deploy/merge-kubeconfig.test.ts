import { exitCodeFor } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeKubeconfig, renameKubeconfig } from './merge-kubeconfig.js';

const PROVIDER_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: "prod-green"
    cluster:
      server: "https://example.eks.amazonaws.com"
      certificate-authority-data: "Q0E="
users:
  - name: "prod-green"
    user:
      token: "k8s-aws-v1.abc"
contexts:
  - name: "prod-green"
    context:
      cluster: "prod-green"
      user: "prod-green"
current-context: "prod-green"
`;

const FILE = '/home/me/.kube/config';

describe('mergeKubeconfig', () => {
  it("adds hubfleet's context, replaces an older one of the same name and keeps everything else", () => {
    const existing = `apiVersion: v1
kind: Config
preferences: {}
clusters:
  - { name: minikube, cluster: { server: "https://192.168.49.2:8443" } }
  - { name: hubfleet-prod-green, cluster: { server: "https://old" } }
users:
  - { name: minikube, user: { client-certificate: /home/me/.minikube/client.crt } }
contexts:
  - { name: minikube, context: { cluster: minikube, user: minikube } }
current-context: minikube
`;
    const merged = parse(
      mergeKubeconfig(existing, renameKubeconfig(PROVIDER_KUBECONFIG, 'hubfleet-prod-green'), FILE),
    );
    expect(merged.preferences).toEqual({});
    expect(merged['current-context']).toBe('hubfleet-prod-green');
    expect(merged.clusters).toEqual([
      { name: 'minikube', cluster: { server: 'https://192.168.49.2:8443' } },
      {
        name: 'hubfleet-prod-green',
        cluster: { server: 'https://example.eks.amazonaws.com', 'certificate-authority-data': 'Q0E=' },
      },
    ]);
    expect(merged.users.map((user: { name: string }) => user.name)).toEqual([
      'minikube',
      'hubfleet-prod-green',
    ]);
    expect(merged.contexts[1]).toEqual({
      name: 'hubfleet-prod-green',
      context: { cluster: 'hubfleet-prod-green', user: 'hubfleet-prod-green' },
    });
  });

  it('starts a kubeconfig from nothing', () => {
    const merged = parse(
      mergeKubeconfig('', renameKubeconfig(PROVIDER_KUBECONFIG, 'hubfleet-prod-green'), FILE),
    );
    expect(merged).toMatchObject({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'hubfleet-prod-green',
    });
    expect(merged.users).toEqual([{ name: 'hubfleet-prod-green', user: { token: 'k8s-aws-v1.abc' } }]);
  });

  it.each([
    ['bad YAML', 'clusters: [\n', /is not valid YAML/],
    ['a list', '- a\n- b\n', /it is a list, not a mapping/],
    ['a single value', 'hello\n', /it is a single value, not a mapping/],
    ['clusters that are not a list', 'clusters: { name: x }\n', /its clusters is not a list/],
  ])(
    'refuses (exit 2, naming the file) a kubeconfig that is %s, rather than overwrite it',
    (_what, text, why) => {
      const addition = renameKubeconfig(PROVIDER_KUBECONFIG, 'hubfleet-prod-green');
      const error = (() => {
        try {
          mergeKubeconfig(text, addition, FILE);
        } catch (caught) {
          return caught as Error & { hint?: string };
        }
      })();
      expect(exitCodeFor(error)).toBe(2);
      expect(error?.message).toMatch(new RegExp(`^${FILE} is not a kubeconfig hubfleet can merge into: `));
      expect(error?.message).toMatch(why);
      expect(error?.hint).toContain('--out FILE');
    },
  );
});
