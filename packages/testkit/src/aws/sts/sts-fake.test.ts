import { createHash, createHmac } from 'node:crypto';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallLog } from '../../framework/call-log.js';
import { createManualClock } from '../../framework/clock.js';
import { createFaultInjector } from '../../framework/faults.js';
import { type RunningStsFake, type StartStsFakeOptions, startStsFake, verifyEksToken } from './index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const CREDENTIALS = { accessKeyId: 'AKIDHUBFLEETTEST', secretAccessKey: 'hubfleet-test-secret' };
const PRINCIPAL = {
  arn: 'arn:aws:iam::123456789012:role/hubfleet-admin',
  userId: 'AROAHUBFLEETADMIN0001',
  secretAccessKey: CREDENTIALS.secretAccessKey,
};
const running: RunningStsFake[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

/** SHA-256 for @smithy/signature-v4, from node:crypto (the SDK's own hash packages are not dependencies here). */
class Sha256 {
  private readonly hash;
  constructor(secret?: string | Uint8Array) {
    this.hash = secret ? createHmac('sha256', secret) : createHash('sha256');
  }
  update(data: string | Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/** A presigned GetCallerIdentity URL with `x-k8s-aws-id` signed, as `aws eks get-token` makes it. */
async function presignedUrl(options: {
  host: string;
  protocol: 'https:' | 'http:';
  clusterName?: string;
  signedAt: number;
  secretAccessKey?: string;
}): Promise<string> {
  const signer = new SignatureV4({
    service: 'sts',
    region: 'us-east-1',
    credentials: { ...CREDENTIALS, secretAccessKey: options.secretAccessKey ?? CREDENTIALS.secretAccessKey },
    sha256: Sha256,
  });
  const headers: Record<string, string> = { host: options.host };
  if (options.clusterName) headers['x-k8s-aws-id'] = options.clusterName;
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: options.protocol,
      hostname: options.host,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers,
    },
    { expiresIn: 60, signingDate: new Date(options.signedAt) },
  );
  const query = new URLSearchParams(signed.query as Record<string, string>).toString();
  return `${options.protocol}//${options.host}/?${query}`;
}

const eksToken = (url: string) => `k8s-aws-v1.${Buffer.from(url).toString('base64url')}`;

async function start(options: Partial<StartStsFakeOptions> = {}) {
  const fake = await startStsFake({ clock: createManualClock(Date.now()), ...options });
  running.push(fake);
  const client = new STSClient({
    endpoint: fake.url,
    region: 'us-east-1',
    credentials: CREDENTIALS,
    retryStrategy: new ConfiguredRetryStrategy(3, 1),
  });
  return { fake, client };
}

describe('STS fake, driven by @aws-sdk/client-sts', () => {
  it('answers GetCallerIdentity with the account, ARN and user id of the calling key', async () => {
    const { client } = await start({ principals: { [CREDENTIALS.accessKeyId]: PRINCIPAL } });
    const identity = await client.send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: '123456789012', Arn: PRINCIPAL.arn, UserId: PRINCIPAL.userId });

    const { client: anonymous } = await start();
    const fallback = await anonymous.send(new GetCallerIdentityCommand({}));
    expect(fallback.Arn).toBe('arn:aws:iam::123456789012:user/hubfleet-test');
    expect(fallback.UserId).toMatch(/^AIDA[0-9A-F]{17}$/);
  });

  it('rejects unknown keys with InvalidClientTokenId when strict, and retries its 400 Throttling', async () => {
    const faults = createFaultInjector({
      scripted: [{ operation: 'sts.GetCallerIdentity', fault: 'throttle', times: 2 }],
    });
    const callLog = createCallLog();
    const { client } = await start({ principals: { [CREDENTIALS.accessKeyId]: PRINCIPAL }, faults, callLog });
    await expect(client.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Arn: PRINCIPAL.arn,
    });
    expect(callLog.calls.map((call) => call.status)).toEqual([400, 400, 200]);
    expect(callLog.count({ mutating: true })).toBe(0);

    const { fake } = await start({ strictCredentials: true });
    const stranger = new STSClient({
      endpoint: fake.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDSTRANGER', secretAccessKey: 'x' },
    });
    await expect(stranger.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('accepts the presigned GetCallerIdentity GET inside an EKS token, as XML or JSON, and checks its signature', async () => {
    const clock = createManualClock(Date.now());
    const { fake } = await start({ clock, principals: { [CREDENTIALS.accessKeyId]: PRINCIPAL } });
    const host = new URL(fake.url).host;
    const url = await presignedUrl({ host, protocol: 'http:', clusterName: 'demo', signedAt: clock.now() });

    const xml = await fetch(url, { headers: { 'x-k8s-aws-id': 'demo' } });
    expect(xml.status).toBe(200);
    expect(await xml.text()).toContain(`<GetCallerIdentityResult><Arn>${PRINCIPAL.arn}</Arn>`);

    const json = await fetch(url, { headers: { 'x-k8s-aws-id': 'demo', accept: 'application/json' } });
    expect(await json.json()).toMatchObject({
      GetCallerIdentityResponse: { GetCallerIdentityResult: { Account: '123456789012', Arn: PRINCIPAL.arn } },
    });

    const otherCluster = await fetch(url, { headers: { 'x-k8s-aws-id': 'other' } });
    expect(otherCluster.status).toBe(403);
    expect(await otherCluster.text()).toContain('<Code>SignatureDoesNotMatch</Code>');

    clock.advance(15 * 60_000 + 1_000);
    const expired = await fetch(url, { headers: { 'x-k8s-aws-id': 'demo' } });
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Signature expired');
  });

  it('verifyEksToken returns the cluster a k8s-aws-v1 token was signed for and rejects bad tokens', async () => {
    const signedAt = Date.UTC(2026, 0, 1, 12, 0, 0);
    const host = 'sts.us-east-1.amazonaws.com';
    const secretAccessKeyFor = (accessKeyId: string) =>
      accessKeyId === CREDENTIALS.accessKeyId ? CREDENTIALS.secretAccessKey : undefined;
    const token = eksToken(await presignedUrl({ host, protocol: 'https:', clusterName: 'demo', signedAt }));
    const options = { clusterNames: ['other', 'demo'], secretAccessKeyFor, now: signedAt + 14 * 60_000 };

    expect(verifyEksToken(token, options)).toEqual({
      ok: true,
      clusterName: 'demo',
      accessKeyId: CREDENTIALS.accessKeyId,
      region: 'us-east-1',
      signedAt,
    });
    expect(verifyEksToken(token, { ...options, now: signedAt + 15 * 60_000 + 1_000 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Signature expired: 20260101T120000Z'),
    });
    expect(verifyEksToken(token, { ...options, clusterNames: ['other'] })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not signed for cluster other'),
    });

    const unsigned = eksToken(await presignedUrl({ host, protocol: 'https:', signedAt }));
    expect(verifyEksToken(unsigned, options)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('did not sign the x-k8s-aws-id header'),
    });
    const forged = eksToken(
      await presignedUrl({
        host,
        protocol: 'https:',
        clusterName: 'demo',
        signedAt,
        secretAccessKey: 'wrong',
      }),
    );
    expect(verifyEksToken(forged, options)).toMatchObject({ ok: false });
    const elsewhere = eksToken(
      await presignedUrl({ host: 'evil.example.com', protocol: 'https:', clusterName: 'demo', signedAt }),
    );
    expect(verifyEksToken(elsewhere, options)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('unexpected hostname'),
    });
    expect(verifyEksToken('Bearer nonsense', options)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('k8s-aws-v1.'),
    });
    expect(verifyEksToken(token, { ...options, secretAccessKeyFor: () => undefined })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('security token included in the request is invalid'),
    });
  });
});
