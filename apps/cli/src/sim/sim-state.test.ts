import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simStateDirectory } from './sim-state.js';

describe('simStateDirectory', () => {
  it('is .hubfleet/sim/<kind> next to the config, unless --state or HUBFLEET_SIM_DIR say otherwise', () => {
    expect(simStateDirectory('gke', undefined, {}, '/work/examples')).toBe(
      '/work/examples/.hubfleet/sim/gke',
    );
    expect(simStateDirectory('gke', undefined, { HUBFLEET_SIM_DIR: 'state' }, '/work/examples')).toBe(
      resolve('state', 'gke'),
    );
    expect(simStateDirectory('gke', '/tmp/sim', { HUBFLEET_SIM_DIR: 'state' }, '/work/examples')).toBe(
      '/tmp/sim',
    );
  });

  it('gives each provider kind its own simulated cloud in one directory', () => {
    const kinds = ['aws', 'gke', 'openstack', 'nectar'];
    const directories = kinds.map((kind) => simStateDirectory(kind, undefined, {}, '/work/examples'));
    expect(new Set(directories).size).toBe(kinds.length);
  });
});
