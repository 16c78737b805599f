import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GKE_AUTH_PLUGIN, gkeAuthPluginHelper } from './gke-credential-helper.js';

/** A directory holding an executable `gke-gcloud-auth-plugin`: what an installed plugin looks like on PATH. */
function directoryWithPlugin(mode = 0o755): string {
  const directory = mkdtempSync(join(tmpdir(), 'hubfleet-gke-plugin-'));
  writeFileSync(join(directory, GKE_AUTH_PLUGIN), '#!/bin/sh\nexit 0\n');
  chmodSync(join(directory, GKE_AUTH_PLUGIN), mode);
  return directory;
}

describe("gke-gcloud-auth-plugin as the kubeconfig's exec helper", () => {
  const empty = mkdtempSync(join(tmpdir(), 'hubfleet-no-plugin-'));

  it('is written as gcloud writes it when the plugin is on PATH', () => {
    const path = [empty, directoryWithPlugin()].join(delimiter);
    expect(gkeAuthPluginHelper({ simulated: false, keyFile: false, path })).toEqual({
      command: 'gke-gcloud-auth-plugin',
      args: [],
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      installHint:
        'Install gke-gcloud-auth-plugin for use with kubectl by following https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin',
      provideClusterInfo: true,
    });
  });

  it('gives way to `hubfleet kubeconfig token` when not installed, not executable, for a key file, or simulated', () => {
    expect(gkeAuthPluginHelper({ simulated: false, keyFile: false, path: empty })).toBeUndefined();
    expect(
      gkeAuthPluginHelper({ simulated: false, keyFile: false, path: directoryWithPlugin(0o644) }),
    ).toBeUndefined();
    expect(
      gkeAuthPluginHelper({ simulated: false, keyFile: true, path: directoryWithPlugin() }),
    ).toBeUndefined();
    expect(
      gkeAuthPluginHelper({ simulated: true, keyFile: false, path: directoryWithPlugin() }),
    ).toBeUndefined();
  });
});
