import { describe, expect, it } from 'vitest';
import { validateConfigText } from '../src/index.js';
import { registry, VALID } from './fixture-provider.js';

const issuesOf = (text: string) =>
  validateConfigText(text, { registry, file: 'f.yaml', checkSecrets: false }).issues.map((issue) => ({
    path: issue.pathText,
    message: issue.message,
    severity: issue.severity,
  }));

describe('cross-field rules', () => {
  it('needs a core and a users nodegroup', () => {
    const text = VALID.replace(
      '    - { name: users, role: users, instanceType: large, min: 0, max: 5 }\n',
      '',
    );
    expect(issuesOf(text)).toContainEqual({
      path: 'cluster.nodeGroups',
      message: 'needs a nodegroup with role "users"',
      severity: 'error',
    });
  });

  it('checks min <= max and that core keeps a node', () => {
    const text = VALID.replace('min: 1, max: 2', 'min: 3, max: 2');
    expect(issuesOf(text)).toContainEqual({
      path: 'cluster.nodeGroups[0].min',
      message: 'min (3) is more than max (2)',
      severity: 'error',
    });
    expect(issuesOf(VALID.replace('min: 1, max: 2', 'min: 0, max: 2'))[0]?.message).toContain(
      'must keep at least one node',
    );
  });

  it('finds a dangling profile nodegroup and suggests the near name', () => {
    const text = VALID.replace(
      '    auth: { type: native, admins: [admin] }',
      '    auth: { type: native }\n    profiles:\n      - { name: big, displayName: Big, nodeGroup: user }',
    );
    const result = validateConfigText(text, { registry, file: 'f.yaml', checkSecrets: false });
    expect(result.issues).toMatchObject([
      {
        pathText: 'hubs[0].profiles[0].nodeGroup',
        message: 'nodegroup "user" does not exist',
        hint: 'did you mean "users"?',
        position: { line: 17, column: 51 },
      },
    ]);
  });

  it('needs a gpu nodegroup for a gpu profile', () => {
    const text = VALID.replace(
      '    auth: { type: native, admins: [admin] }',
      '    auth: { type: native }\n    profiles:\n      - { name: gpu, displayName: GPU, gpu: 1 }',
    );
    expect(issuesOf(text)[0]).toMatchObject({
      path: 'hubs[0].profiles[0].gpu',
      message: 'a GPU profile needs a nodegroup with role gpu, and there is none',
    });
  });

  it('checks the instance type against an exhaustive catalog', () => {
    expect(issuesOf(VALID.replace('instanceType: large', 'instanceType: lrage'))[0]).toMatchObject({
      path: 'cluster.nodeGroups[1].instanceType',
      message: '"lrage" is not a Fixture Cloud instance type',
    });
  });

  it('refuses requests that cannot fit the nodegroup machines', () => {
    const text = VALID.replace(
      '    auth: { type: native, admins: [admin] }',
      '    auth: { type: native }\n    resources: { memory: { guarantee: 64Gi, limit: 64Gi } }',
    );
    expect(issuesOf(text)[0]?.message).toBe(
      'the default user server asks for 64Gi memory but large has 32Gi',
    );
  });

  it('needs an e-mail for letsencrypt and both files for manual TLS', () => {
    expect(issuesOf(VALID.replace(', email: ops@example.edu', ''))[0]).toMatchObject({
      path: 'ingress.tls.email',
    });
    const manual = issuesOf(
      VALID.replace('{ mode: letsencrypt, email: ops@example.edu }', '{ mode: manual }'),
    ).map((issue) => issue.path);
    expect(manual).toEqual(['ingress.tls.certFile', 'ingress.tls.keyFile']);
  });

  it('refuses a hub named like a system namespace', () => {
    expect(issuesOf(VALID.replace('name: course', 'name: kube-system'))[0]?.message).toContain(
      'namespace hubfleet or Kubernetes already uses',
    );
  });

  it('refuses snapshot where the provider cannot snapshot', () => {
    const text = VALID.replace(
      '    auth: { type: native, admins: [admin] }',
      '    auth: { type: native }\n    storage: { onDelete: snapshot }',
    );
    expect(issuesOf(text)[0]).toMatchObject({
      path: 'hubs[0].storage.onDelete',
      message: 'Fixture Cloud volumes cannot be snapshotted by hubfleet',
    });
  });

  it('warns, without failing, about sudo and latest tags', () => {
    const text = VALID.replace(
      '    auth: { type: native, admins: [admin] }',
      '    auth: { type: native }\n    sudo: true\n    image: { name: x/y, tag: latest }',
    );
    const result = validateConfigText(text, { registry, file: 'f.yaml', checkSecrets: false });
    expect(result.config).toBeDefined();
    expect(result.issues.map((issue) => [issue.pathText, issue.severity])).toEqual([
      ['hubs[0].sudo', 'warning'],
      ['hubs[0].image.tag', 'warning'],
    ]);
  });
});
