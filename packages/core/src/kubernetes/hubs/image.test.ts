import { describe, expect, it } from 'vitest';
import { dockerHubRepository, pulledImage } from './image.js';

describe('dockerHubRepository', () => {
  it.each([
    ['ubuntu', 'library/ubuntu'],
    ['jupyter/scipy-notebook', 'jupyter/scipy-notebook'],
    ['oneilsh/jupyterlab-ubuntu-nvidia-scipy-rjulia', 'oneilsh/jupyterlab-ubuntu-nvidia-scipy-rjulia'],
    ['docker.io/jupyter/base-notebook', 'jupyter/base-notebook'],
    ['docker.io/python', 'library/python'],
    ['index.docker.io/a/b', 'a/b'],
    ['quay.io/jupyter/scipy-notebook', undefined],
    ['gcr.io/rhodes-cs/jserver', undefined],
    ['harbor.stfc.ac.uk/stfc-cloud/jupyterhub-vdi-proxy', undefined],
    ['localhost/image', undefined],
    ['registry:5000/image', undefined],
  ])('%s → %s', (name, repository) => {
    expect(dockerHubRepository(name)).toBe(repository);
  });
});

describe('pulledImage', () => {
  const image = { name: 'jupyter/scipy-notebook', tag: '2024-01-01' };

  it('is unchanged without a cache', () => {
    expect(pulledImage(image)).toEqual(image);
    expect(pulledImage(image, '')).toEqual(image);
  });

  it('goes through the cache, with or without a trailing slash on the prefix', () => {
    expect(pulledImage(image, 'localhost:5000')).toEqual({
      name: 'localhost:5000/jupyter/scipy-notebook',
      tag: '2024-01-01',
    });
    expect(pulledImage(image, 'localhost:5000/')).toEqual({
      name: 'localhost:5000/jupyter/scipy-notebook',
      tag: '2024-01-01',
    });
  });
});
