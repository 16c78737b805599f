import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CONTROL_PLANE_STEPS, exampleConfig } from '../../test/example-config.js';
import { bootstrapScripts, renderBootstrapFiles } from './bootstrap-scripts.js';

const run = promisify(execFile);

/** Run the real shellcheck on a script given on stdin; its findings, or '' when clean. */
async function shellcheck(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('shellcheck', ['--shell=bash', '--severity=style', '-'], (error, stdout) => {
      if (error && typeof (error as { code?: unknown }).code !== 'number') reject(error);
      else resolve(stdout);
    });
    child.stdin?.end(text);
  });
}

describe('bootstrap scripts generated from the config', () => {
  const config = exampleConfig();
  const files = renderBootstrapFiles(config);

  it('writes one script for the control plane, one per nodegroup, one for the storage node, then the upgrade scripts', () => {
    expect(files.map((file) => file.path)).toEqual([
      'bootstrap/control-plane.sh',
      'bootstrap/node-core.sh',
      'bootstrap/node-compute.sh',
      'bootstrap/storage.sh',
      'bootstrap/upgrade-control-plane.sh',
      'bootstrap/upgrade-node-kubeadm.sh',
      'bootstrap/upgrade-node-drain.sh',
      'bootstrap/upgrade-node-kubelet.sh',
      'bootstrap/upgrade-node-uncordon.sh',
    ]);
  });

  it("upgrades in kubeadm's order: kubeadm, plan and apply, drain, kubelet and kubectl, restart, uncordon", () => {
    const control = files.find((file) => file.path === 'bootstrap/upgrade-control-plane.sh')?.content ?? '';
    expect([...control.matchAll(/^run_step (\S+)$/gm)].map((match) => match[1])).toEqual([
      'upgrade-path',
      'kubernetes-repository',
      'kubeadm-package',
      'control-plane-upgrade',
      'drain',
      'kubelet-kubectl-packages',
      'kubelet-restart',
      'uncordon',
    ]);
    expect(control).toContain('KUBERNETES_REPO="https://pkgs.k8s.io/core:/stable:/v1.34/deb"');
    expect(control).toContain('PREVIOUS_MINOR="1.33"');
    expect(control).toMatch(
      /kubeadm upgrade plan\nkubeadm upgrade apply -y "\$\(kubeadm version -o short\)"/,
    );
    const worker = files.find((file) => file.path === 'bootstrap/upgrade-node-kubeadm.sh')?.content ?? '';
    expect(worker).toContain('kubeadm upgrade node');
  });

  it.each(files.map((file) => [file.path, file.content] as const))(
    '%s passes shellcheck',
    async (_path, text) => {
      expect(await shellcheck(text)).toBe('');
      await run('bash', ['-n', '-c', text]);
    },
  );

  it('catches a script shellcheck would warn about (the check can fail)', async () => {
    expect(await shellcheck('#!/bin/bash\necho $1\n')).toContain('SC2086');
  });

  it('starts every step with its own check and runs the steps in order', () => {
    const control = files[0]?.content ?? '';
    const order = [...control.matchAll(/^run_step (\S+)$/gm)].map((match) => match[1]);
    expect(order).toEqual(CONTROL_PLANE_STEPS);
    for (const step of order) expect(control).toContain(`${step?.replace(/-/g, '_')}_done() {`);
  });

  it('pins Kubernetes to the configured minor from pkgs.k8s.io, holds it, and uses the systemd cgroup driver', () => {
    const control = files[0]?.content ?? '';
    expect(control).toContain('KUBERNETES_REPO="https://pkgs.k8s.io/core:/stable:/v1.34/deb"');
    expect(control).toContain('apt-mark hold kubelet kubeadm kubectl');
    expect(control).toContain('s/SystemdCgroup = false/SystemdCgroup = true/');
    expect(control).toContain('cgroupDriver: systemd');
    expect(control).toContain('- "$HUBFLEET_PUBLIC_ADDRESS"');
    expect(control).toMatch(/calico\/v3\.29\.1\/manifests\/calico\.yaml/);
  });

  it("labels and taints a nodegroup's nodes as core places pods, and resets a half-way join", () => {
    const compute = files[2]?.content ?? '';
    expect(compute).toContain('value: "hub.jupyter.org/node-purpose=user,hubfleet.io/nodegroup=compute"');
    expect(compute).toContain('kubeadm reset -f');
    expect(compute).not.toMatch(/token: "[a-z0-9]{6}\./);
  });

  it('finds each hub volume by its virtio id, formats it only without a filesystem and mounts it by UUID', () => {
    const storage = files[3]?.content ?? '';
    expect(storage).toContain('HUBFLEET_VOLUME_COMP20003');
    expect(storage).toContain(`/dev/disk/by-id/virtio-\${1:0:20}`);
    expect(storage).toMatch(/if ! blkid -s TYPE -o value "\$device"[^\n]*\n[^\n]*\n\s*mkfs\.ext4/);
    expect(storage).toContain('UUID=$uuid /srv/hubfleet/comp20003 ext4 defaults,nofail 0 2');
  });

  it('renders no secret: tokens and volume ids are inputs at run time', () => {
    for (const script of bootstrapScripts(config)) {
      for (const input of script.inputs) expect(input.name).toMatch(/^HUBFLEET_[A-Z0-9_]+$/);
    }
  });
});
