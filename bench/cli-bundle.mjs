#!/usr/bin/env node
// The bundled CLI (dist/bundle/, what bin/hubfleet.mjs runs) against the same code as tsc built it
// (dist/main.js), side by side in one run: a no-op `up --sim` per provider example, run alternately,
// reporting the median CPU time (user + system, read from /proc as the reaped children's times) and
// wall time of each, and their ratio. Run `npm run build` first (`npm run bench:bundle` does).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const examples = (process.env.BENCH_EXAMPLES ?? 'aws-dsosu.yaml,gke-rhodes.yaml,openstack-stfc.yaml').split(
  ',',
);
const variants = {
  tsc: join(root, 'apps/cli/dist/main.js'),
  bundle: join(root, 'apps/cli/dist/bundle/main.js'),
};

/** CPU time of this process's reaped children so far, in ms (cutime + cstime, clock ticks of 10 ms). */
function childrenCpuMs() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function run(entry, directory, config) {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [entry, 'up', '-c', config, '--sim', '--yes'], {
    cwd: directory,
    env: { PATH: process.env.PATH, HOME: directory },
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`${entry} up -c ${config} exited ${result.status}: ${result.stderr}`);
  return { cpu: childrenCpuMs() - cpuBefore, wall: Number(process.hrtime.bigint() - start) / 1e6 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const example of examples) {
  const directory = mkdtempSync(join(tmpdir(), 'hubfleet-bench-bundle-'));
  const config = join(directory, example);
  copyFileSync(join(root, 'examples', example), config);
  run(variants.bundle, directory, config); // the deployment, so every measured run is a no-op
  const samples = { tsc: [], bundle: [] };
  for (let index = 0; index < runs; index++) {
    for (const [name, entry] of Object.entries(variants)) samples[name].push(run(entry, directory, config));
  }
  const cpu = (name) => median(samples[name].map((sample) => sample.cpu));
  const wall = (name) => median(samples[name].map((sample) => sample.wall));
  console.log(
    `${example.padEnd(20)} no-op up --sim: tsc ${cpu('tsc')} ms CPU / ${wall('tsc').toFixed(0)} ms wall, ` +
      `bundle ${cpu('bundle')} ms CPU / ${wall('bundle').toFixed(0)} ms wall; ` +
      `bundle/tsc CPU ${(cpu('bundle') / cpu('tsc')).toFixed(2)}× (median of ${runs})`,
  );
}
