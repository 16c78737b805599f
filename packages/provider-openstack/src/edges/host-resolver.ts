import { HubfleetError } from '@hubfleet/core';

/** Looks a host name up in DNS: its A and AAAA addresses, none when it has no record. */
export interface HostResolver {
  addresses(host: string): Promise<string[]>;
}

/**
 * Public resolvers, as seed 002 checks (`dig <host> @1.1.1.1`): what Let's Encrypt sees, not a
 * split-horizon answer of the local network.
 */
export const PUBLIC_RESOLVERS = ['1.1.1.1', '8.8.8.8'] as const;

const NO_RECORD = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ENONAME']);

/** A resolver asking `servers` (`host` or `host:port`) over the DNS protocol, never the host's own configuration. */
export function dnsResolver(servers: readonly string[] = PUBLIC_RESOLVERS): HostResolver {
  return {
    async addresses(host) {
      const { Resolver } = await import('node:dns/promises');
      const resolver = new Resolver({ timeout: 3_000, tries: 2 });
      resolver.setServers([...servers]);
      const lookup = async (family: 4 | 6): Promise<string[]> => {
        try {
          return family === 4 ? await resolver.resolve4(host) : await resolver.resolve6(host);
        } catch (error) {
          const code = (error as { code?: string }).code ?? '';
          if (NO_RECORD.has(code)) return [];
          throw new HubfleetError({
            kind: 'unavailable',
            message: `could not look up ${host} at ${servers.join(', ')} (${code || 'no answer'})`,
            hint: 'check the network reaches those DNS servers, then run `hubfleet up` again',
            subject: 'ingress.host',
          });
        }
      };
      const [v4, v6] = await Promise.all([lookup(4), lookup(6)]);
      return [...v4, ...v6];
    },
  };
}
