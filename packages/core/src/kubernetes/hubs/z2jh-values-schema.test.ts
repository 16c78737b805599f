import { describe, expect, it } from 'vitest';
import { checkZ2jhValues } from './z2jh-values-schema.js';

const MINIMAL = { hub: { baseUrl: '/course/' } };

describe('the z2jh values model', () => {
  it('accepts values with only what the chart requires', () => {
    expect(checkZ2jhValues(MINIMAL)).toEqual([]);
  });

  it.each([
    ['a key z2jh does not have', { singleuser: { schedulerName: 'x' } }, 'singleuser'],
    ['a misspelt top-level section', { singleusers: {} }, '(values)'],
    ['CPU as a string', { singleuser: { cpu: { limit: '1' } } }, 'singleuser.cpu.limit'],
    [
      'a lower-case hub.config section',
      { hub: { baseUrl: '/a/', config: { loadRoles: {} } } },
      'hub.config.loadRoles',
    ],
    ['a baseUrl without the trailing slash', { hub: { baseUrl: '/course' } }, 'hub.baseUrl'],
    ['a culling timeout in text', { cull: { enabled: true, timeout: '1h' } }, 'cull.timeout'],
    [
      'a toleration with a bad effect',
      { scheduling: { userPods: { tolerations: [{ key: 'a', operator: 'Equal', effect: 'Never' }] } } },
      'scheduling.userPods.tolerations.0.effect',
    ],
  ])('rejects %s', (_what, values, path) => {
    const problems = checkZ2jhValues({ ...MINIMAL, ...values });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.startsWith(`${path}: `)).toBe(true);
  });

  it('leaves keys hubfleet does not write to the chart', () => {
    expect(
      checkZ2jhValues({
        ...MINIMAL,
        debug: { enabled: true },
        hub: { baseUrl: '/a/', extraFiles: { x: 1 } },
      }),
    ).toEqual([]);
  });
});
