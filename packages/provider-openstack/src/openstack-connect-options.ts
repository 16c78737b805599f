import type { OpenStackServiceType } from '@hubfleet/openstack-client';

/** What tests (and only tests) change about a session: how fast it polls and retries, which microversions it speaks. */
export interface OpenstackConnectOverrides {
  /** Between reads of a Magnum operation or a Cinder volume in progress, in ms. @default 2000 (50 simulated) */
  pollIntervalMs?: number;
  /** The HTTP core's first backoff, in ms (doubled on each retry). @default 500 */
  retryDelayMs?: number;
  /** Cap a service's microversion below the client's, e.g. `{ 'container-infra': '1.10' }` for a Magnum without nodegroup labels. */
  microversionCaps?: Partial<Record<OpenStackServiceType, string>>;
}
