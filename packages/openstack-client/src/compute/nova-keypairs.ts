import { deleteIfPresent } from '../session/delete-if-present.js';
import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire } from '../wire/wire-fields.js';
import { toKeypair } from './compute-mappers.js';
import type { Keypair } from './compute-types.js';

export async function listKeypairs(compute: ServiceClient): Promise<Keypair[]> {
  const items = await compute.listAll<unknown>('/os-keypairs', 'keypairs');
  return items.map((item) => toKeypair(asWire(item).keypair));
}

export async function getKeypair(compute: ServiceClient, name: string): Promise<Keypair> {
  const response = await compute.request({
    method: 'GET',
    path: `/os-keypairs/${segment(name)}`,
    subject: `keypair/${name}`,
  });
  return toKeypair(asWire(response.body).keypair);
}

/** Imports an OpenSSH public key (hubfleet never lets Nova generate the private half). 409 if the name is taken. */
export async function importKeypair(
  compute: ServiceClient,
  name: string,
  publicKey: string,
): Promise<Keypair> {
  const response = await compute.request({
    method: 'POST',
    path: '/os-keypairs',
    body: { keypair: { name, public_key: publicKey, type: 'ssh' } },
    subject: `keypair/${name}`,
  });
  return toKeypair(asWire(response.body).keypair);
}

export function deleteKeypair(compute: ServiceClient, name: string): Promise<boolean> {
  return deleteIfPresent(compute, { path: `/os-keypairs/${segment(name)}`, subject: `keypair/${name}` });
}
