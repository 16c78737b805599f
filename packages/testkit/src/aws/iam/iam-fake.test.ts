import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteConflictException,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  LimitExceededException,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
  TagRoleCommand,
} from '@aws-sdk/client-iam';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallLog } from '../../framework/call-log.js';
import { createManualClock } from '../../framework/clock.js';
import { createFaultInjector } from '../../framework/faults.js';
import { type RunningIamFake, type StartIamFakeOptions, startIamFake } from './index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
    },
  ],
});
const EBS_POLICY = 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy';
const running: RunningIamFake[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

async function start(options: Partial<StartIamFakeOptions> = {}) {
  const fake = await startIamFake({ clock: createManualClock(), ...options });
  running.push(fake);
  const client = new IAMClient({
    endpoint: fake.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    retryStrategy: new ConfiguredRetryStrategy(3, 1),
  });
  return { fake, client };
}

const createRole = (client: IAMClient, name: string) =>
  client.send(
    new CreateRoleCommand({
      RoleName: name,
      AssumeRolePolicyDocument: TRUST_POLICY,
      Path: '/hubfleet/',
      Tags: [{ Key: 'hubfleet.io/deployment', Value: 'demo' }],
    }),
  );

describe('IAM fake, driven by @aws-sdk/client-iam', () => {
  it('creates a role with tags and reads it back; the trust policy comes back URL-encoded as IAM sends it', async () => {
    const { client } = await start();
    const { Role: created } = await createRole(client, 'demo-ebs-csi');
    expect(created).toMatchObject({
      RoleName: 'demo-ebs-csi',
      Path: '/hubfleet/',
      Arn: 'arn:aws:iam::123456789012:role/hubfleet/demo-ebs-csi',
      Tags: [{ Key: 'hubfleet.io/deployment', Value: 'demo' }],
    });
    expect(created?.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(created?.CreateDate).toBeInstanceOf(Date);

    const { Role } = await client.send(new GetRoleCommand({ RoleName: 'demo-ebs-csi' }));
    expect(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '')).toBe(TRUST_POLICY);
    expect(Role?.MaxSessionDuration).toBe(3600);
  });

  it('answers EntityAlreadyExists (409) for a duplicate name in any case, NoSuchEntity (404) for a missing role', async () => {
    const { client } = await start();
    await createRole(client, 'demo-ebs-csi');
    const duplicate = await createRole(client, 'DEMO-EBS-CSI').catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(EntityAlreadyExistsException);
    expect((duplicate as EntityAlreadyExistsException).$metadata.httpStatusCode).toBe(409);

    const missing = await client
      .send(new GetRoleCommand({ RoleName: 'ghost' }))
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing).toMatchObject({ message: 'The role with name ghost cannot be found.' });

    const malformed = client.send(
      new CreateRoleCommand({ RoleName: 'bad', AssumeRolePolicyDocument: '{not json' }),
    );
    await expect(malformed).rejects.toBeInstanceOf(MalformedPolicyDocumentException);
  });

  it('refuses DeleteRole with DeleteConflict while a policy is attached, deletes once it is detached', async () => {
    const { client } = await start();
    await createRole(client, 'demo-ebs-csi');
    await client.send(new AttachRolePolicyCommand({ RoleName: 'demo-ebs-csi', PolicyArn: EBS_POLICY }));
    await client.send(new AttachRolePolicyCommand({ RoleName: 'demo-ebs-csi', PolicyArn: EBS_POLICY }));
    const attached = await client.send(new ListAttachedRolePoliciesCommand({ RoleName: 'demo-ebs-csi' }));
    expect(attached.AttachedPolicies).toEqual([
      { PolicyName: 'AmazonEBSCSIDriverPolicy', PolicyArn: EBS_POLICY },
    ]);

    const conflict = await client
      .send(new DeleteRoleCommand({ RoleName: 'demo-ebs-csi' }))
      .catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(DeleteConflictException);
    expect(conflict).toMatchObject({ message: 'Cannot delete entity, must detach all policies first.' });
    expect((conflict as DeleteConflictException).$metadata.httpStatusCode).toBe(409);

    await client.send(new DetachRolePolicyCommand({ RoleName: 'demo-ebs-csi', PolicyArn: EBS_POLICY }));
    await expect(
      client.send(new DetachRolePolicyCommand({ RoleName: 'demo-ebs-csi', PolicyArn: EBS_POLICY })),
    ).rejects.toBeInstanceOf(NoSuchEntityException);
    await client.send(new DeleteRoleCommand({ RoleName: 'demo-ebs-csi' }));
    await expect(client.send(new GetRoleCommand({ RoleName: 'demo-ebs-csi' }))).rejects.toBeInstanceOf(
      NoSuchEntityException,
    );
  });

  it('lists roles page by page without tags, and tags roles with TagRole / ListRoleTags', async () => {
    const { client } = await start();
    for (const name of ['a-role', 'b-role', 'c-role']) await createRole(client, name);
    const first = await client.send(new ListRolesCommand({ MaxItems: 2 }));
    expect(first.Roles?.map((role) => role.RoleName)).toEqual(['a-role', 'b-role']);
    expect(first.IsTruncated).toBe(true);
    expect(first.Roles?.[0]?.Tags).toBeUndefined();
    const second = await client.send(new ListRolesCommand({ MaxItems: 2, Marker: first.Marker }));
    expect(second.Roles?.map((role) => role.RoleName)).toEqual(['c-role']);
    expect(second.IsTruncated).toBe(false);

    await client.send(
      new TagRoleCommand({ RoleName: 'a-role', Tags: [{ Key: 'owner', Value: 'hubfleet' }] }),
    );
    const { Tags } = await client.send(new ListRoleTagsCommand({ RoleName: 'a-role' }));
    expect(Tags).toEqual([
      { Key: 'hubfleet.io/deployment', Value: 'demo' },
      { Key: 'owner', Value: 'hubfleet' },
    ]);
  });

  it('answers LimitExceeded (409) at the policies-per-role quota and for an injected quota fault', async () => {
    const faults = createFaultInjector();
    const { client } = await start({ quotas: { policiesPerRole: 1 }, faults });
    await createRole(client, 'demo');
    await client.send(new AttachRolePolicyCommand({ RoleName: 'demo', PolicyArn: EBS_POLICY }));
    const over = client.send(
      new AttachRolePolicyCommand({
        RoleName: 'demo',
        PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      }),
    );
    await expect(over).rejects.toBeInstanceOf(LimitExceededException);
    // The SDK counts IAM's LimitExceededException among throttling errors and retries it, so the fault
    // has to outlast the three attempts.
    faults.script({ operation: 'iam.CreateRole', fault: 'quota', times: 3 });
    await expect(createRole(client, 'another')).rejects.toBeInstanceOf(LimitExceededException);
  });

  it('throttles with a 400 Throttling the SDK retries, survives a 10% fault rate, and logs mutations apart', async () => {
    const faults = createFaultInjector({
      scripted: [{ operation: 'iam.GetRole', fault: 'throttle', times: 2 }],
    });
    const callLog = createCallLog();
    const { client, fake } = await start({ faults, callLog });
    await createRole(client, 'demo');
    await client.send(new GetRoleCommand({ RoleName: 'demo' }));
    expect(callLog.calls.filter((call) => call.operation === 'GetRole').map((call) => call.status)).toEqual([
      400, 400, 200,
    ]);

    const raw = await fetch(fake.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetRole&Version=2010-05-08&RoleName=ghost',
    });
    const xml = await raw.text();
    expect(raw.status).toBe(404);
    expect(xml).toContain('<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">');
    expect(xml).toMatch(
      /<Error><Type>Sender<\/Type><Code>NoSuchEntity<\/Code><Message>.*<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId>/,
    );

    faults.setRate(0.1);
    for (let index = 0; index < 20; index++) {
      await client.send(new GetRoleCommand({ RoleName: 'demo' }));
      await client.send(new ListRolesCommand({}));
    }
    expect(callLog.count({ mutating: true })).toBe(1);
    expect(callLog.count({ mutating: false })).toBeGreaterThanOrEqual(43);
    expect(callLog.calls.some((call) => call.status === 0 || call.status >= 500)).toBe(true);
  });

  it('answers InvalidAction for an action it does not implement', async () => {
    const { fake } = await start();
    const response = await fetch(fake.url, {
      method: 'POST',
      body: 'Action=CreateUser&Version=2010-05-08&UserName=x',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>InvalidAction</Code>');
  });
});

describe('IAM fake: inline role policies (PutRolePolicy and friends)', () => {
  const document = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['autoscaling:DescribeTags'], Resource: '*' }],
  });

  it('puts, reads back (URL-encoded on the wire), lists and deletes a policy; the role goes only once it has none', async () => {
    const { client } = await start();
    await createRole(client, 'tool');
    await client.send(
      new PutRolePolicyCommand({ RoleName: 'tool', PolicyName: 'scale', PolicyDocument: document }),
    );
    await client.send(
      new PutRolePolicyCommand({ RoleName: 'tool', PolicyName: 'scale', PolicyDocument: document }),
    );
    const read = await client.send(new GetRolePolicyCommand({ RoleName: 'tool', PolicyName: 'scale' }));
    expect(decodeURIComponent(read.PolicyDocument ?? '')).toBe(document);
    expect((await client.send(new ListRolePoliciesCommand({ RoleName: 'tool' }))).PolicyNames).toEqual([
      'scale',
    ]);

    const blocked = await client
      .send(new DeleteRoleCommand({ RoleName: 'tool' }))
      .catch((error: unknown) => error);
    expect(blocked).toBeInstanceOf(DeleteConflictException);
    await client.send(new DeleteRolePolicyCommand({ RoleName: 'tool', PolicyName: 'scale' }));
    const gone = await client
      .send(new GetRolePolicyCommand({ RoleName: 'tool', PolicyName: 'scale' }))
      .catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(NoSuchEntityException);
    await client.send(new DeleteRoleCommand({ RoleName: 'tool' }));
  });

  it('refuses a document that is not a policy with MalformedPolicyDocument', async () => {
    const { client } = await start();
    await createRole(client, 'tool');
    for (const bad of [
      '{not json',
      JSON.stringify({ Statement: [] }),
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Action: 's3:GetObject' }] }),
    ]) {
      const error = await client
        .send(new PutRolePolicyCommand({ RoleName: 'tool', PolicyName: 'p', PolicyDocument: bad }))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MalformedPolicyDocumentException);
    }
  });
});
