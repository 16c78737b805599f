// The engine benchmark: `npm run bench:engine` (after `npm run build`). Runs two deployment graphs
// against the in-memory world with time scaled down and prints, per graph, how close the wall time
// comes to the longest dependency chain and how much faster it is than one step at a time.
// BENCH_MS_PER_MINUTE scales time (default 20 ms per simulated minute); BENCH_PARALLELISM overrides
// the engine's default parallelism.
import {
  applyPlan,
  criticalPath,
  DEFAULT_PARALLELISM,
  planChanges,
} from '../packages/core/dist/engine/index.js';
import { InMemoryWorld } from '../packages/core/dist/engine/testing/in-memory-provider.js';
import { realisticGraph, wideGraph } from './engine/graphs.mjs';

const MS_PER_MINUTE = Number(process.env.BENCH_MS_PER_MINUTE ?? 20);
const PARALLELISM = Number(process.env.BENCH_PARALLELISM ?? DEFAULT_PARALLELISM);

async function applyGraph(steps, { parallelism, msPerMinute }) {
  const world = new InMemoryWorld();
  const resources = steps.map((each) =>
    world.resource({
      id: each.id,
      layer: each.layer,
      dependsOn: each.dependsOn,
      durationMs: each.minutes * msPerMinute,
      typicalDurationMs: each.minutes * 60_000,
    }),
  );
  const plan = await planChanges({ deployment: 'bench', desired: resources });
  const started = performance.now();
  const { summary, timings } = await applyPlan({ plan, resources, parallelism });
  const wallMs = performance.now() - started;
  if (summary.outcome !== 'succeeded') throw new Error(`the ${steps.length}-step graph did not converge`);
  return { wallMs, timings };
}

function report(name, steps, parallel, sequential) {
  const chain = criticalPath(parallel.timings);
  const ratio = parallel.wallMs / chain.durationMs;
  const speedup = sequential.wallMs / parallel.wallMs;
  const simulatedMinutes = steps.reduce((sum, each) => sum + each.minutes, 0);
  console.log(`${name}: ${steps.length} steps, ${simulatedMinutes.toFixed(1)} simulated minutes of work`);
  const which = PARALLELISM === DEFAULT_PARALLELISM ? ' (the default)' : '';
  console.log(`  wall ${parallel.wallMs.toFixed(0)} ms with parallelism ${PARALLELISM}${which}`);
  console.log(`  longest dependency chain ${chain.durationMs} ms: ${chain.steps.join(' → ')}`);
  console.log(`  one step at a time (parallelism 1): ${sequential.wallMs.toFixed(0)} ms`);
  console.log(`  critical-path-ratio: ${ratio.toFixed(3)}`);
  console.log(`  speedup-vs-sequential: ${speedup.toFixed(2)}`);
}

// Warm the JIT up so the first measured graph is not penalised.
await applyGraph(wideGraph(), { parallelism: PARALLELISM, msPerMinute: 1 });

console.log(`engine benchmark: 1 simulated minute = ${MS_PER_MINUTE} ms`);
for (const [name, build] of [
  ['realistic', realisticGraph],
  ['wide', wideGraph],
]) {
  const steps = build();
  const parallel = await applyGraph(steps, { parallelism: PARALLELISM, msPerMinute: MS_PER_MINUTE });
  const sequential = await applyGraph(steps, { parallelism: 1, msPerMinute: MS_PER_MINUTE });
  report(name, steps, parallel, sequential);
}
