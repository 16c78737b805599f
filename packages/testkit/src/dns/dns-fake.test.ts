import { Resolver } from 'node:dns/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningDnsFake, startDnsFake } from './index.js';

let dns: RunningDnsFake | undefined;
afterEach(async () => {
  await dns?.close();
  dns = undefined;
});

function resolverAt(server: string): Resolver {
  const resolver = new Resolver({ timeout: 2_000, tries: 1 });
  resolver.setServers([server]);
  return resolver;
}

describe('the DNS fake, asked by node:dns over UDP', () => {
  it('answers A and AAAA from its zone, NXDOMAIN for other names, and follows changes', async () => {
    dns = await startDnsFake({ 'Hub.Example.org': ['130.246.0.10', '2001:db8::10'] });
    const resolver = resolverAt(dns.server);
    expect(await resolver.resolve4('hub.example.org')).toEqual(['130.246.0.10']);
    expect(await resolver.resolve6('hub.example.org')).toEqual(['2001:db8::10']);
    await expect(resolver.resolve4('other.example.org')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    dns.setRecords('hub.example.org', ['130.246.0.11']);
    expect(await resolver.resolve4('hub.example.org')).toEqual(['130.246.0.11']);
    await expect(resolver.resolve6('hub.example.org')).rejects.toMatchObject({ code: 'ENODATA' });
    expect(dns.queries).toContain('hub.example.org AAAA');
  });

  it('answers any other name from anyName, asked at query time', async () => {
    let pointed: string[] = [];
    dns = await startDnsFake({}, { anyName: () => pointed });
    const resolver = resolverAt(dns.server);
    await expect(resolver.resolve4('jupyter.stfc.ac.uk')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    pointed = ['130.246.0.10'];
    expect(await resolver.resolve4('jupyter.stfc.ac.uk')).toEqual(['130.246.0.10']);
  });
});
