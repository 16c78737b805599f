import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire, wireStringMap } from '../wire/wire-fields.js';

const metadataPath = (id: string) => `/volumes/${segment(id)}/metadata`;

export async function getVolumeMetadata(cinder: ServiceClient, id: string): Promise<Record<string, string>> {
  const response = await cinder.request({ method: 'GET', path: metadataPath(id), subject: `volume/${id}` });
  return wireStringMap(asWire(response.body), 'metadata');
}

/** POST: merges `metadata` into the volume's; answers the result. */
export async function mergeVolumeMetadata(
  cinder: ServiceClient,
  id: string,
  metadata: Record<string, string>,
): Promise<Record<string, string>> {
  const response = await cinder.request({
    method: 'POST',
    path: metadataPath(id),
    body: { metadata },
    subject: `volume/${id}`,
  });
  return wireStringMap(asWire(response.body), 'metadata');
}

/** PUT: replaces all of the volume's metadata. */
export async function replaceVolumeMetadata(
  cinder: ServiceClient,
  id: string,
  metadata: Record<string, string>,
): Promise<Record<string, string>> {
  const response = await cinder.request({
    method: 'PUT',
    path: metadataPath(id),
    body: { metadata },
    subject: `volume/${id}`,
  });
  return wireStringMap(asWire(response.body), 'metadata');
}

export async function deleteVolumeMetadataKey(cinder: ServiceClient, id: string, key: string): Promise<void> {
  await cinder.request({
    method: 'DELETE',
    path: `${metadataPath(id)}/${segment(key)}`,
    subject: `volume/${id}`,
  });
}
