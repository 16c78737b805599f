import { createOpenStackSession, type OpenStackSessionOptions } from '@hubfleet/openstack-client';
import { DEFAULT_KEYSTONE_IDENTITY } from '@hubfleet/testkit';

/**
 * A session as the fake Keystone's default user in its default project, by password; waits between
 * retries take no time and `now` is the fakes' clock.
 */
export function keystoneSession(
  keystoneUrl: string,
  now: () => number,
  extra: Partial<OpenStackSessionOptions> = {},
) {
  const { user, project, domain } = DEFAULT_KEYSTONE_IDENTITY;
  return createOpenStackSession({
    credentials: {
      auth: {
        type: 'password',
        authUrl: `${keystoneUrl}/v3`,
        username: user.name,
        userDomainName: domain.name,
        password: user.password,
        projectName: project.name,
        projectDomainName: domain.name,
      },
      regionName: 'RegionOne',
      source: 'test',
    },
    http: { sleep: async () => {}, random: () => 0.5, now },
    ...extra,
  });
}
