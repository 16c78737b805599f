#!/usr/bin/env node
// Times `hubfleet --help` and `hubfleet validate` on an example over repeated runs, side by side in
// one run (machines here are noisy), and prints medians. Targets: --help <= 150 ms, validate <= 300 ms.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'apps/cli/bin/hubfleet.mjs');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const cases = {
  'node -e 0 (baseline)': ['-e', '0'],
  'hubfleet --help': [bin, '--help'],
  'hubfleet validate': [bin, 'validate', '-c', join(root, 'examples/aws-dsosu.yaml'), '--no-check-secrets'],
};

const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let run = 0; run < runs; run++) {
  for (const [name, args] of Object.entries(cases)) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}: ${result.stderr}`);
    samples[name].push(elapsed);
  }
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const baseline = median(samples['node -e 0 (baseline)']);
for (const [name, values] of Object.entries(samples)) {
  const value = median(values);
  console.log(
    `${name.padEnd(24)} median ${value.toFixed(1).padStart(7)} ms  (${(value / baseline).toFixed(2)}× node startup, ${runs} runs)`,
  );
}
