import { describe, expect, it } from 'vitest';
import { KubernetesApiError } from './errors.js';
import { BUILT_IN_RESOURCE_TYPES } from './resource-types.js';
import {
  matchesFieldSelector,
  matchesLabelSelector,
  matchesStructuredSelector,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors.js';

const labels = { app: 'hub', tier: 'web', 'hub.jupyter.org/node-purpose': 'user', size: '3' };
const matches = (selector: string) => matchesLabelSelector(labels, parseLabelSelector(selector));
const pods = BUILT_IN_RESOURCE_TYPES.find((type) => type.plural === 'pods');

describe('label selectors', () => {
  it('evaluates equality, set and existence requirements like the API server', () => {
    expect(matches('')).toBe(true);
    expect(matches('app=hub')).toBe(true);
    expect(matches('app==hub,tier=web')).toBe(true);
    expect(matches('app!=hub')).toBe(false);
    expect(matches('missing!=x')).toBe(true);
    expect(matches('tier in (web, db)')).toBe(true);
    expect(matches('tier notin (web)')).toBe(false);
    expect(matches('missing notin (web)')).toBe(true);
    expect(matches('hub.jupyter.org/node-purpose')).toBe(true);
    expect(matches('!hub.jupyter.org/node-purpose')).toBe(false);
    expect(matches('size>2,size<4')).toBe(true);
    expect(matches('app in (hub),!missing,tier')).toBe(true);
  });

  it('rejects malformed selectors with 400', () => {
    expect(() => parseLabelSelector('app=(x')).toThrow(KubernetesApiError);
    expect(() => parseLabelSelector('=x')).toThrow(/unable to parse requirement/);
  });

  it('matches the structured selectors workloads carry', () => {
    expect(
      matchesStructuredSelector(labels, {
        matchLabels: { app: 'hub' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }],
      }),
    ).toBe(true);
    expect(
      matchesStructuredSelector(labels, { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }),
    ).toBe(false);
  });
});

describe('field selectors', () => {
  const pod = {
    metadata: { name: 'jupyter-ada', namespace: 'course' },
    spec: { nodeName: 'n1' },
    status: { phase: 'Running' },
  };

  it('supports metadata fields everywhere and per-type labels', () => {
    if (!pods) throw new Error('pods type missing');
    const select = (selector: string) => matchesFieldSelector(pod, parseFieldSelector(selector, pods));
    expect(select('metadata.name=jupyter-ada,metadata.namespace==course')).toBe(true);
    expect(select('status.phase!=Running')).toBe(false);
    expect(select('spec.nodeName=n1,spec.hostNetwork=false')).toBe(true);
    expect(() => parseFieldSelector('spec.containers=x', pods)).toThrow(
      'field label not supported: spec.containers',
    );
  });
});
