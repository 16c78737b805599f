import type { HubConfig } from '../../config/hub.js';

export type ImageConfig = HubConfig['image'];

const DOCKER_HUB_HOSTS: ReadonlySet<string> = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
]);

/**
 * The Docker Hub repository path of an image name (`ubuntu` → `library/ubuntu`,
 * `docker.io/jupyter/base-notebook` → `jupyter/base-notebook`), or undefined when the image lives on
 * another registry (`quay.io/...`, `gcr.io/...`, `harbor.example.org:5000/...`). Follows Docker's own
 * rule: a first path component with a `.` or `:`, or `localhost`, names a registry.
 */
export function dockerHubRepository(name: string): string | undefined {
  const [first, ...rest] = name.split('/');
  if (first === undefined || first === '') return undefined;
  const namesRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  if (namesRegistry && !DOCKER_HUB_HOSTS.has(first)) return undefined;
  const path = namesRegistry ? rest : [first, ...rest];
  if (path.length === 0) return undefined;
  return path.length === 1 ? `library/${path[0]}` : path.join('/');
}

/**
 * The image as user pods should pull it: through the pull-through cache when one is given and the
 * image is on Docker Hub (the only registry the cache mirrors), unchanged otherwise.
 */
export function pulledImage(image: ImageConfig, registryPrefix?: string): ImageConfig {
  const prefix = registryPrefix?.replace(/\/+$/, '');
  if (prefix === undefined || prefix === '') return image;
  const repository = dockerHubRepository(image.name);
  return repository === undefined ? image : { name: `${prefix}/${repository}`, tag: image.tag };
}

/** `name:tag`, as KubeSpawner's `image` takes it. */
export function imageString(image: ImageConfig): string {
  return `${image.name}:${image.tag}`;
}
