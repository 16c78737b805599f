import { exitCodeFor, type PlanStep, type SafetyFlags } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { confirmChanges } from './confirm-changes.js';

const step = (id: string, destructive?: PlanStep['destructive']): PlanStep => ({
  id,
  kind: id.split('/')[0] as string,
  layer: 'cloud',
  intent: 'present',
  action: destructive === undefined ? 'update' : 'replace',
  reason: 'test',
  changes: [],
  dependsOn: [],
  ...(destructive === undefined ? {} : { destructive }),
});

const NO_FLAGS: SafetyFlags = { allowReplace: false, deleteData: false, teardown: false };

const replaceBusyGroup = step('nodegroup/users', {
  what: 'replaces a nodegroup with 3 user pods running: their sessions end',
  requires: ['allowReplace'],
});

describe('confirmChanges (up)', () => {
  it('without --yes and without a terminal on stdin it refuses (exit 3) and asks no one', async () => {
    const refusal = await confirmChanges({
      steps: [step('tool/ingress-nginx')],
      flags: NO_FLAGS,
      yes: false,
      interactive: false,
      ask: () => Promise.reject(new Error('asked')),
    }).catch((error) => error);
    expect(exitCodeFor(refusal)).toBe(3);
    expect(refusal.message).toContain('nothing was changed');
    expect(refusal.hint).toContain('--yes');
  });

  it('refuses a step the flags do not allow (exit 3) before asking anyone', async () => {
    const questions: string[] = [];
    const refusal = await confirmChanges({
      steps: [step('tool/ingress-nginx'), replaceBusyGroup],
      flags: NO_FLAGS,
      yes: false,
      interactive: true,
      ask: async (question) => {
        questions.push(question);
        return 'yes';
      },
    }).catch((error) => error);
    // kind `refused` is exit 3 (`exitCodeFor`); the refusal comes from `@hubfleet/core/engine`, which
    // tests load from dist while `@hubfleet/core` is its source, so the class is compared by name and kind.
    expect(refusal).toMatchObject({ name: 'HubfleetError', kind: 'refused' });
    expect(refusal.hint).toContain('--allow-replace');
    expect(questions).toEqual([]);
  });

  it('asks on a terminal when every step is allowed, and goes on only on yes', async () => {
    const base = { steps: [replaceBusyGroup], flags: { ...NO_FLAGS, allowReplace: true }, yes: false };
    await expect(
      confirmChanges({ ...base, interactive: true, ask: async () => ' YES\n' }),
    ).resolves.toBeUndefined();
    const no = await confirmChanges({ ...base, interactive: true, ask: async () => 'no' }).catch(
      (error) => error,
    );
    expect(exitCodeFor(no)).toBe(3);
    expect(no.message).toContain('nothing was changed');
    const asked = () => Promise.reject(new Error('asked'));
    await expect(
      confirmChanges({ ...base, yes: true, interactive: false, ask: asked }),
    ).resolves.toBeUndefined();
    await expect(
      confirmChanges({ ...base, yes: true, interactive: true, ask: asked }),
    ).resolves.toBeUndefined();
  });
});
