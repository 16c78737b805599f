import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simStateDirectory } from './sim-state.js';

describe('simStateDirectory', () => {
  it('is .hubfleet/sim next to the config, unless --state or HUBFLEET_SIM_DIR say otherwise', () => {
    expect(simStateDirectory(undefined, {}, '/work/examples')).toBe('/work/examples/.hubfleet/sim');
    expect(simStateDirectory(undefined, { HUBFLEET_SIM_DIR: 'state' }, '/work/examples')).toBe(
      resolve('state'),
    );
    expect(simStateDirectory('/tmp/sim', { HUBFLEET_SIM_DIR: 'state' }, '/work/examples')).toBe('/tmp/sim');
  });
});
