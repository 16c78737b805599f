import type { ProviderV1 } from '../../provider/v1/provider.js';
import type { HubfleetConfig } from '../deployment.js';
import { type ConfigIssue, error, warning } from '../issues.js';

export function checkTls(config: HubfleetConfig): ConfigIssue[] {
  const tls = config.ingress.tls;
  const path = ['ingress', 'tls'];
  if (tls.mode === 'letsencrypt' && tls.email === undefined) {
    return [
      error(
        [...path, 'email'],
        "letsencrypt needs an e-mail address for Let's Encrypt's expiry notices",
        'add email: ops@example.edu under ingress.tls',
      ),
    ];
  }
  if (tls.mode === 'manual') {
    const issues: ConfigIssue[] = [];
    if (tls.certFile === undefined) {
      issues.push(
        error(
          [...path, 'certFile'],
          'manual TLS needs certFile',
          'add certFile: ./tls/host.crt (PEM, full chain)',
        ),
      );
    }
    if (tls.keyFile === undefined) {
      issues.push(
        error([...path, 'keyFile'], 'manual TLS needs keyFile', 'add keyFile: { fromFile: ./tls/host.key }'),
      );
    }
    return issues;
  }
  return [];
}

export function checkTools(config: HubfleetConfig, provider: ProviderV1): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const backups = config.tools.backups;
  const backupsOn = backups?.enabled ?? provider.toolDefaults.backups.enabled;
  if (backups && backupsOn && backups.bucket === undefined) {
    issues.push(
      error(
        ['tools', 'backups', 'bucket'],
        'backups need a bucket to write to',
        'add bucket: <name> (S3 / GCS bucket or Swift container)',
      ),
    );
  }
  const gpuDriver = config.tools.gpuDriver?.enabled;
  if (gpuDriver === true && provider.capabilities.gpuDriver === 'none') {
    issues.push(
      error(
        ['tools', 'gpuDriver', 'enabled'],
        `${provider.displayName} offers no GPU driver`,
        'remove tools.gpuDriver',
      ),
    );
  }
  const hasGpuGroup = config.cluster.nodeGroups.some((group) => group.role === 'gpu');
  if (gpuDriver === false && hasGpuGroup && provider.capabilities.gpuDriver !== 'managed') {
    issues.push(
      warning(
        ['tools', 'gpuDriver', 'enabled'],
        'there is a gpu nodegroup but the GPU driver is off, so pods cannot request nvidia.com/gpu',
        'remove gpuDriver.enabled: false unless the image already brings the device plugin',
      ),
    );
  }
  if (config.tools.autoscaler?.enabled === true && provider.capabilities.managedAutoscaler) {
    issues.push(
      warning(
        ['tools', 'autoscaler', 'enabled'],
        `${provider.displayName} scales nodegroups itself, so hubfleet installs no cluster-autoscaler there`,
        'remove tools.autoscaler',
      ),
    );
  }
  return issues;
}
