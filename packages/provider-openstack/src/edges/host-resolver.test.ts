import { createSocket } from 'node:dgram';
import { type RunningDnsFake, startDnsFake } from '@hubfleet/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { dnsResolver } from './host-resolver.js';

let dns: RunningDnsFake | undefined;
afterEach(async () => {
  await dns?.close();
  dns = undefined;
});

/** A UDP port nothing listens on (bound, noted, closed). */
async function closedPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

describe('dnsResolver', () => {
  it('asks the given servers for A and AAAA records; a name without records has no addresses', async () => {
    dns = await startDnsFake({ 'jupyter.stfc.ac.uk': ['130.246.0.10', '2001:630:58::10'] });
    const resolver = dnsResolver([dns.server]);
    expect(await resolver.addresses('jupyter.stfc.ac.uk')).toEqual(['130.246.0.10', '2001:630:58::10']);
    expect(await resolver.addresses('nowhere.stfc.ac.uk')).toEqual([]);
    expect(dns.queries).toEqual(
      expect.arrayContaining(['jupyter.stfc.ac.uk A', 'jupyter.stfc.ac.uk AAAA', 'nowhere.stfc.ac.uk A']),
    );
  });

  it('says which servers it could not ask, as a retryable error about ingress.host', async () => {
    const resolver = dnsResolver([`127.0.0.1:${await closedPort()}`]);
    await expect(resolver.addresses('jupyter.stfc.ac.uk')).rejects.toMatchObject({
      kind: 'unavailable',
      retryable: true,
      subject: 'ingress.host',
      message: expect.stringContaining('could not look up jupyter.stfc.ac.uk at 127.0.0.1:'),
    });
  });
});
