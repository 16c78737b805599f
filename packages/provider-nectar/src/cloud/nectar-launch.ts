import { HubfleetError } from '@hubfleet/core';
import {
  type Flavor,
  findFlavorByName,
  findImageByName,
  getImage,
  getKeypair,
  importKeypair,
  isOpenStackStatus,
} from '@hubfleet/openstack-client';
import type { NectarCloud } from './nectar-cloud.js';

/** What every VM boots with: the image, the key pair, and flavors found by name. */
export interface LaunchSettings {
  imageId: string;
  flavor(name: string, field: string): Promise<Flavor>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function imageId(cloud: NectarCloud): Promise<string> {
  const wanted = cloud.config.provider.image;
  if (UUID.test(wanted)) return (await getImage(cloud.image, wanted)).id;
  const image = await findImageByName(cloud.image, wanted);
  if (image) return image.id;
  throw new HubfleetError({
    kind: 'invalid-config',
    message: `provider.image: the cloud has no active image named "${wanted}"`,
    hint: 'pick a name from `openstack image list` (Images in the dashboard), e.g. NeCTAR Ubuntu 24.04 LTS (Noble) amd64',
    subject: 'provider.image',
  });
}

/**
 * The key pair the VMs accept: found by name, or imported from the private key's public half when
 * the project has none by that name. A key pair whose public key differs is refused: the VMs would
 * not accept the private key hubfleet logs in with.
 */
async function ensureKeypair(cloud: NectarCloud, publicKey: string): Promise<void> {
  const { name } = cloud.config.provider.keypair;
  const [type, body] = publicKey.split(/\s+/);
  try {
    const existing = await getKeypair(cloud.compute, name);
    const [existingType, existingBody] = existing.publicKey.trim().split(/\s+/);
    if (existingType === type && existingBody === body) return;
    throw new HubfleetError({
      kind: 'refused',
      message: `key pair ${name} in the project holds another public key than provider.keypair.privateKeyFile's`,
      hint: 'point privateKeyFile at the private key of that key pair, or name another key pair',
      subject: 'provider.keypair',
    });
  } catch (error) {
    if (!isOpenStackStatus(error, 404)) throw error;
  }
  await importKeypair(cloud.compute, name, publicKey);
}

/** Check the image, key pair and availability zone once per session, then hand out flavors by name. */
export async function launchSettings(cloud: NectarCloud, publicKey: string): Promise<LaunchSettings> {
  const [image] = await Promise.all([imageId(cloud), ensureKeypair(cloud, publicKey)]);
  const flavors = new Map<string, Promise<Flavor>>();
  return {
    imageId: image,
    flavor(name, field) {
      let found = flavors.get(name);
      if (!found) {
        found = findFlavorByName(cloud.compute, name).then((flavor) => {
          if (flavor) return flavor;
          throw new HubfleetError({
            kind: 'invalid-config',
            message: `${field}: the cloud has no flavor named "${name}"`,
            hint: 'pick one from `openstack flavor list` (Flavors in the dashboard), e.g. m3.medium',
            subject: field,
          });
        });
        found.catch(() => flavors.delete(name));
        flavors.set(name, found);
      }
      return found;
    },
  };
}
