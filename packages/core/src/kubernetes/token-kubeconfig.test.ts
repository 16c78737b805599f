import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderTokenKubeconfig } from './token-kubeconfig.js';

describe('renderTokenKubeconfig', () => {
  it('writes one cluster, user and context, with the CA for an https server', () => {
    const yaml = renderTokenKubeconfig({
      name: 'demo',
      server: 'https://ABC.gr7.us-west-2.eks.amazonaws.com',
      certificateAuthorityData: 'LS0tLS1CRUdJTg==',
      token: 'k8s-aws-v1.abc',
    });
    expect(parse(yaml)).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'demo',
          cluster: {
            server: 'https://ABC.gr7.us-west-2.eks.amazonaws.com',
            'certificate-authority-data': 'LS0tLS1CRUdJTg==',
          },
        },
      ],
      users: [{ name: 'demo', user: { token: 'k8s-aws-v1.abc' } }],
      contexts: [{ name: 'demo', context: { cluster: 'demo', user: 'demo' } }],
      'current-context': 'demo',
    });
  });

  it('skips TLS verification only for a server without a CA (the plain-HTTP simulated API), and quotes odd names', () => {
    const yaml = renderTokenKubeconfig({
      name: 'gke_p_us-central1-a_jupyter: "x"',
      server: 'http://127.0.0.1:4000',
      token: 'ya29.a#b',
    });
    const parsed = parse(yaml) as {
      clusters: { name: string; cluster: Record<string, unknown> }[];
      users: { user: { token: string } }[];
    };
    expect(parsed.clusters[0]).toEqual({
      name: 'gke_p_us-central1-a_jupyter: "x"',
      cluster: { server: 'http://127.0.0.1:4000', 'insecure-skip-tls-verify': true },
    });
    expect(parsed.users[0]?.user.token).toBe('ya29.a#b');
  });
});
