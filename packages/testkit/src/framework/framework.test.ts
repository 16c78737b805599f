import { describe, expect, it } from 'vitest';
import {
  createCallLog,
  createClock,
  createFaultInjector,
  type ServiceProtocol,
  startService,
} from './index.js';

const echo: ServiceProtocol = {
  name: 'echo',
  resolve: (request) =>
    request.path === '/things'
      ? {
          operation: request.method === 'POST' ? 'CreateThing' : 'ListThings',
          mutating: request.method === 'POST',
          handle: () => ({ status: 200, body: request.body || '[]' }),
        }
      : undefined,
  fault: (kind) => ({
    status: kind === 'throttle' ? 429 : kind === 'quota' ? 400 : kind === 'unavailable' ? 503 : 500,
    body: kind,
  }),
  unknown: () => ({ status: 404, body: 'no such route' }),
};

describe('fake service framework', () => {
  it('answers over HTTP on loopback and logs reads and mutations apart', async () => {
    const callLog = createCallLog();
    const service = await startService(echo, {
      clock: createClock(),
      faults: createFaultInjector(),
      callLog,
    });
    try {
      expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${service.url}/things`, { method: 'POST', body: '{"a":1}' })).text()).toBe(
        '{"a":1}',
      );
      expect((await fetch(`${service.url}/things`)).status).toBe(200);
      expect((await fetch(`${service.url}/nope`)).status).toBe(404);
      expect(callLog.count({ mutating: true })).toBe(1);
      expect(callLog.count({ mutating: false })).toBe(2);
      expect(callLog.calls[0]).toMatchObject({
        service: 'echo',
        operation: 'CreateThing',
        mutating: true,
        status: 200,
      });
    } finally {
      await service.close();
    }
  });

  it('injects scripted faults, then behaves', async () => {
    const faults = createFaultInjector({
      scripted: [{ operation: 'echo.ListThings', fault: 'throttle', times: 2 }],
    });
    const callLog = createCallLog();
    const service = await startService(echo, { clock: createClock(), faults, callLog });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${service.url}/things`)).status);
      expect(statuses).toEqual([429, 429, 200]);
      await expect(fetch(`${service.url}/things`, { method: 'POST' })).resolves.toHaveProperty('status', 200);
    } finally {
      await service.close();
    }
  });

  it('drops connections and fails at a seeded random rate', async () => {
    const faults = createFaultInjector({ scripted: [{ operation: '*', fault: 'drop', times: 1 }] });
    const service = await startService(echo, { clock: createClock(), faults, callLog: createCallLog() });
    try {
      await expect(fetch(`${service.url}/things`)).rejects.toThrow();
    } finally {
      await service.close();
    }
    const a = createFaultInjector({ rate: 0.1, seed: 7 });
    const b = createFaultInjector({ rate: 0.1, seed: 7 });
    const runA = Array.from({ length: 1000 }, () => a.next('s', 'op'));
    const runB = Array.from({ length: 1000 }, () => b.next('s', 'op'));
    expect(runA).toEqual(runB);
    const failures = runA.filter(Boolean).length;
    expect(failures).toBeGreaterThan(60);
    expect(failures).toBeLessThan(140);
  });

  it('loses the reply of a scripted lost-reply call after running it, and never picks one at random', async () => {
    const things: string[] = [];
    const stateful: ServiceProtocol = {
      ...echo,
      resolve: (request) => ({
        operation: 'CreateThing',
        mutating: true,
        handle: () => {
          things.push(request.body);
          return { status: 200, body: request.body };
        },
      }),
    };
    const faults = createFaultInjector({
      scripted: [{ operation: 'echo.CreateThing', fault: 'lost-reply', times: 1 }],
    });
    const callLog = createCallLog();
    let saved = 0;
    const service = await startService(stateful, {
      clock: createClock(),
      faults,
      callLog,
      afterMutation: () => {
        saved += 1;
      },
    });
    try {
      await expect(fetch(`${service.url}/things`, { method: 'POST', body: 'a' })).rejects.toThrow();
      expect(things, 'the handler ran').toEqual(['a']);
      expect(saved, 'and its state was saved').toBe(1);
      expect(callLog.calls[0]).toMatchObject({ operation: 'CreateThing', status: 0, replyLost: true });
      expect((await fetch(`${service.url}/things`, { method: 'POST', body: 'b' })).status).toBe(200);
      expect(things).toEqual(['a', 'b']);
    } finally {
      await service.close();
    }
    const scripted = createFaultInjector({ scripted: [{ operation: '*', fault: 'lost-reply', times: 1 }] });
    expect(scripted.next('s', 'op'), 'next() leaves a lost-reply to take()').toBeUndefined();
    expect(scripted.take('s', 'op')).toBe('lost-reply');
    const random = createFaultInjector({ rate: 1, seed: 3 });
    const kinds = new Set(Array.from({ length: 500 }, () => random.take('s', 'op')));
    expect(kinds.has('lost-reply')).toBe(false);
  });

  it('scales modelled durations by the clock speed', () => {
    expect(createClock(1000).scaled(12 * 60_000)).toBe(720);
    expect(() => createClock(0)).toThrow(/positive/);
  });
});
