import { EKSClient } from '@aws-sdk/client-eks';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { createManualClock } from '../../framework/clock.js';
import { type RunningEksFake, type StartEksFakeOptions, startEksFake } from './eks-fake.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/**
 * For the fake's own tests: a started EKS fake on a manual clock (unless one is given) and a real
 * `EKSClient` pointed at it, retrying with millisecond delays. `running` collects it for closing.
 */
export async function startEksFakeWithClient(
  running: RunningEksFake[],
  options: Partial<StartEksFakeOptions> = {},
) {
  const clock = createManualClock();
  const fake = await startEksFake({ clock, ...options });
  running.push(fake);
  const client = new EKSClient({
    endpoint: fake.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    retryStrategy: new ConfiguredRetryStrategy(3, 1),
  });
  return { fake, client, clock: (options.clock as typeof clock | undefined) ?? clock };
}
