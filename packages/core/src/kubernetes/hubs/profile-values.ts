import type { HubfleetConfig } from '../../config/deployment.js';
import type { HubConfig, ProfileConfig } from '../../config/hub.js';
import { placementOn } from '../placement.js';
import type { Values } from './deep-merge.js';
import { imageString, pulledImage } from './image.js';
import { kubespawnerResources, resourcesText } from './resources-values.js';
import { defaultUserNodeGroup, profileNodeGroup } from './scheduling-values.js';

type Cluster = Pick<HubfleetConfig, 'cluster'>;

/** The slug of the choice that keeps the hub's default image, sizes and placement. */
export const DEFAULT_PROFILE_SLUG = 'default';

/** The extended resource the NVIDIA device plugin and GPU operator advertise. */
export const GPU_RESOURCE = 'nvidia.com/gpu';

/**
 * A profile's KubeSpawner overrides. Node selector and tolerations replace the hub's defaults as a
 * whole (KubeSpawner does not merge them), so they carry every taint of the profile's nodegroup.
 */
function kubespawnerOverride(config: Cluster, profile: ProfileConfig, registryPrefix?: string): Values {
  const group = profileNodeGroup(config, profile);
  const placement = group === undefined ? undefined : placementOn(group);
  return {
    ...(profile.image ? { image: imageString(pulledImage(profile.image, registryPrefix)) } : {}),
    ...kubespawnerResources(profile.cpu, profile.memory),
    ...(placement ? { node_selector: placement.nodeSelector, tolerations: placement.tolerations } : {}),
    ...(profile.gpu ? { extra_resource_limits: { [GPU_RESOURCE]: profile.gpu } } : {}),
  };
}

function profileEntry(config: Cluster, profile: ProfileConfig, registryPrefix?: string): Values {
  const description = profile.description ?? resourcesText(profile.cpu, profile.memory, profile.gpu);
  return {
    display_name: profile.displayName,
    slug: profile.name,
    ...(description === '' ? {} : { description }),
    ...(profile.name === DEFAULT_PROFILE_SLUG ? { default: true } : {}),
    kubespawner_override: kubespawnerOverride(config, profile, registryPrefix),
  };
}

function defaultEntry(hub: HubConfig): Values {
  const description = resourcesText(hub.resources?.cpu, hub.resources?.memory);
  return {
    display_name: 'Default',
    slug: DEFAULT_PROFILE_SLUG,
    ...(description === '' ? {} : { description }),
    default: true,
  };
}

/**
 * Profiles shown at spawn (`singleuser.profileList`), led by the hub's default server unless a profile
 * is itself named `default`. Empty when the hub has no profiles: users then get the default directly.
 */
export function profileListValues(config: Cluster, hub: HubConfig, registryPrefix?: string): Values {
  if (hub.profiles.length === 0) return {};
  const hasOwnDefault = hub.profiles.some((profile) => profile.name === DEFAULT_PROFILE_SLUG);
  const entries = hub.profiles.map((profile) => profileEntry(config, profile, registryPrefix));
  return { singleuser: { profileList: hasOwnDefault ? entries : [defaultEntry(hub), ...entries] } };
}

/**
 * The image pullers run on the default users nodegroup only, so pulling every profile image there
 * (z2jh's `pullProfileListImages`) would fill those nodes with GPU images they never run. Only the
 * images of profiles that run on that nodegroup are pre-pulled.
 */
export function profileImagePullValues(config: Cluster, hub: HubConfig, registryPrefix?: string): Values {
  if (hub.profiles.length === 0) return {};
  const defaultGroup = defaultUserNodeGroup(config).name;
  const extraImages = Object.fromEntries(
    hub.profiles.flatMap((profile) => {
      const group = profileNodeGroup(config, profile);
      if (!profile.image || (group !== undefined && group.name !== defaultGroup)) return [];
      return [[`profile-${profile.name}`, pulledImage(profile.image, registryPrefix)]];
    }),
  );
  return { prePuller: { pullProfileListImages: false, extraImages } };
}
