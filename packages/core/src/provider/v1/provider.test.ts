import { describe, expect, it } from 'vitest';
import { simulationOf } from './provider.js';

describe('simulationOf', () => {
  const endpoints = { eks: 'http://127.0.0.1:1', kubernetes: 'http://127.0.0.1:2' };

  it("is the context's simulation, or none for a real cloud", () => {
    const credentials = { accessKeyId: 'AKIASIM', secretAccessKey: 'sim-secret' };
    expect(simulationOf({ configDirectory: '.', simulation: { endpoints, credentials } })).toEqual({
      endpoints,
      credentials,
    });
    expect(simulationOf({ configDirectory: '.' })).toBeUndefined();
  });

  it('reads the deprecated simulatedEndpoints as endpoints with no credentials, and prefers simulation', () => {
    expect(simulationOf({ configDirectory: '.', simulatedEndpoints: endpoints })).toEqual({
      endpoints,
      credentials: {},
    });
    const simulation = { endpoints: { eks: 'http://127.0.0.1:3' }, credentials: { token: 't' } };
    expect(simulationOf({ configDirectory: '.', simulation, simulatedEndpoints: endpoints })).toBe(
      simulation,
    );
  });
});
