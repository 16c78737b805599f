import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHelm, findHelm, type HelmRunner, spawnHelm } from '@hubfleet/core/kubernetes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallLog, createCallLog, createFaultInjector, createManualClock } from '../framework/index.js';
import { createCertificateAuthority, issueClientCertificate } from '../framework/pki.js';
import { type RunningKubernetesFake, startKubernetesFake } from './index.js';

/** The real helm binary against the TLS fake: a client-certificate kubeconfig must reach it whole. */
let root: string;
let fake: RunningKubernetesFake;
let callLog: CallLog;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hubfleet-helm-kubeconfig-'));
  callLog = createCallLog();
  fake = await startKubernetesFake({
    clock: createManualClock(),
    faults: createFaultInjector(),
    callLog,
    tls: true,
    tokens: 'none',
  });
});
afterAll(async () => {
  await fake?.close();
  await rm(root, { recursive: true, force: true });
});

function helmSeeing(seen: { kubeconfig?: string; mode?: number }) {
  const real = spawnHelm(findHelm());
  const inspecting: HelmRunner = async (args, env) => {
    const file = args[args.indexOf('--kubeconfig') + 1] as string;
    seen.kubeconfig = await readFile(file, 'utf8');
    seen.mode = (await stat(file)).mode & 0o777;
    return real(args, env);
  };
  return createHelm({ run: inspecting, helmHome: join(root, 'helm-home'), tempRoot: root });
}

describe('helm with a client-certificate kubeconfig', () => {
  it('gets the kubeconfig byte for byte in a 0600 file and authenticates with its certificate', async () => {
    const kubeconfig = await fake.kubeconfig({ kind: 'client-certificate', user: 'kubernetes-admin' });
    const seen: { kubeconfig?: string; mode?: number } = {};
    callLog.clear();
    expect(await helmSeeing(seen).history({ release: 'hub', namespace: 'hub', kubeconfig })).toEqual([]);
    expect(seen).toEqual({ kubeconfig, mode: 0o600 });
    const secretLists = callLog.calls.filter((call) => call.operation === 'list/v1/secrets');
    expect(secretLists.length).toBeGreaterThan(0);
    expect(secretLists.every((call) => call.status === 200)).toBe(true);
  });

  it("is refused as a permission problem when the certificate is not the cluster CA's", async () => {
    const stranger = await createCertificateAuthority('someone-else');
    const forged = await issueClientCertificate(stranger, { commonName: 'kubernetes-admin' });
    const document = JSON.parse(await fake.kubeconfig({ kind: 'client-certificate' })) as {
      users: { user: Record<string, string> }[];
    };
    const user = document.users[0]?.user as Record<string, string>;
    user['client-certificate-data'] = Buffer.from(forged.certificatePem).toString('base64');
    user['client-key-data'] = Buffer.from(forged.privateKeyPem).toString('base64');
    const kubeconfig = JSON.stringify(document);
    await expect(
      helmSeeing({}).history({ release: 'hub', namespace: 'hub', kubeconfig }),
    ).rejects.toMatchObject({ kind: 'permission' });
  });
});
