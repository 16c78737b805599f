import { describe, expect, it } from 'vitest';
import { EKS_TOKEN_PREFIX, eksTokenSource, presignEksToken, stsHost } from './aws-eks-token.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session' };

function urlOf(token: string): URL {
  expect(token.startsWith(EKS_TOKEN_PREFIX)).toBe(true);
  const encoded = token.slice(EKS_TOKEN_PREFIX.length);
  expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
  return new URL(Buffer.from(encoded, 'base64url').toString('utf8'));
}

describe('presignEksToken', () => {
  it('presigns GetCallerIdentity on the regional STS host with x-k8s-aws-id signed, for 60 seconds', async () => {
    const signedAt = new Date('2026-11-21T12:00:00Z');
    const url = urlOf(
      await presignEksToken({ clusterName: 'demo', region: 'us-west-2', credentials, signedAt }),
    );
    expect(url.origin).toBe('https://sts.us-west-2.amazonaws.com');
    expect(url.pathname).toBe('/');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      Action: 'GetCallerIdentity',
      Version: '2011-06-15',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIDEXAMPLE/20261121/us-west-2/sts/aws4_request',
      'X-Amz-Date': '20261121T120000Z',
      'X-Amz-Expires': '60',
      'X-Amz-SignedHeaders': 'host;x-k8s-aws-id',
      'X-Amz-Security-Token': 'session',
    });
    const other = urlOf(
      await presignEksToken({ clusterName: 'other', region: 'us-west-2', credentials, signedAt }),
    );
    expect(other.searchParams.get('X-Amz-Signature')).not.toBe(url.searchParams.get('X-Amz-Signature'));
  });

  it('uses the .com.cn host in China', () => {
    expect(stsHost('cn-north-1')).toBe('sts.cn-north-1.amazonaws.com.cn');
  });
});

describe('eksTokenSource', () => {
  it('reuses a token for 14 minutes, then signs a new one', async () => {
    let now = Date.parse('2026-11-21T12:00:00Z');
    const source = eksTokenSource(
      'demo',
      'us-west-2',
      async () => credentials,
      () => now,
    );
    const first = await source.token();
    now += 13 * 60_000;
    expect(await source.token()).toBe(first);
    now += 60_000;
    expect(await source.token()).not.toBe(first);
  });
});
