#!/usr/bin/env node
// The cost of a converged deployment: `npm run bench:noop` (after `npm run build`). For the AWS
// example on the simulated cloud with 1, 5, 10 and 20 hubs, runs `up` and then a no-op `up`, and
// prints the read calls the no-op `up` made (from the simulated cloud's call log), how they grow per
// added hub, and the list calls by operation, which should stay the same whatever the hub count
// (lists are made by tag or label for every resource at once, not per resource).
// BENCH_HUBS overrides the hub counts, e.g. BENCH_HUBS=1,2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'apps/cli/bin/hubfleet.mjs');
const hubCounts = (process.env.BENCH_HUBS ?? '1,5,10,20').split(',').map(Number);

/** examples/aws-dsosu.yaml with its one hub copied `count` times (hub-01, hub-02, ...). */
function configWith(count) {
  const document = parseDocument(readFileSync(join(root, 'examples/aws-dsosu.yaml'), 'utf8'));
  const template = document.get('hubs').items[0].toJSON();
  const hubs = Array.from({ length: count }, (_, index) => ({
    ...template,
    name: `hub-${String(index + 1).padStart(2, '0')}`,
    displayName: `Hub ${index + 1}`,
  }));
  document.set('hubs', hubs);
  return document.toString();
}

function calls(stateDirectory) {
  const text = readFileSync(join(stateDirectory, 'calls.jsonl'), 'utf8').trim();
  return text === '' ? [] : text.split('\n').map((line) => JSON.parse(line));
}

function up(config) {
  const result = spawnSync(process.execPath, [bin, 'up', '-c', config, '--sim', '--yes'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  if (result.status !== 0) throw new Error(`up exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const isList = (call) =>
  /^(list\/|List|Describe(Volumes|Vpcs|Subnets|InternetGateways|RouteTables))/.test(call.operation);

const results = [];
for (const count of hubCounts) {
  const directory = mkdtempSync(join(tmpdir(), 'hubfleet-bench-noop-'));
  const config = join(directory, 'hubfleet.yaml');
  writeFileSync(config, configWith(count));
  const stateDirectory = join(directory, '.hubfleet', 'sim', 'aws');
  up(config);
  const before = calls(stateDirectory).length;
  const output = up(config);
  const noop = calls(stateDirectory).slice(before);
  if (!output.startsWith('No changes:'))
    throw new Error(`the second up with ${count} hubs was not a no-op:\n${output}`);
  const mutating = noop.filter((call) => call.mutating).length;
  const reads = noop.filter((call) => !call.mutating);
  const lists = {};
  for (const call of reads.filter(isList)) {
    const key = `${call.service}.${call.operation}`;
    lists[key] = (lists[key] ?? 0) + 1;
  }
  results.push({ hubs: count, reads: reads.length, mutating, lists });
  rmSync(directory, { recursive: true, force: true });
}

console.log(
  'no-op up on examples/aws-dsosu.yaml in sim (read calls of the second up: plan and final status)',
);
console.log('hubs  reads  mutating  growth per added hub');
for (const [index, result] of results.entries()) {
  const previous = results[index - 1];
  const growth =
    previous === undefined
      ? '-'
      : ((result.reads - previous.reads) / (result.hubs - previous.hubs)).toFixed(2);
  console.log(
    `${String(result.hubs).padStart(4)}  ${String(result.reads).padStart(5)}  ${String(result.mutating).padStart(8)}  ${growth}`,
  );
}
const first = results[0];
const last = results.at(-1);
if (first !== undefined && last !== undefined && last.hubs > first.hubs) {
  const perHub = (last.reads - first.reads) / (last.hubs - first.hubs);
  console.log(`reads-per-added-hub (${first.hubs} → ${last.hubs} hubs): ${perHub.toFixed(2)}`);
}
console.log('\nlist calls by operation (batched by tag or label: the same for every hub count)');
const operations = [...new Set(results.flatMap((result) => Object.keys(result.lists)))].sort();
console.log(
  `${'operation'.padEnd(52)}${results.map((result) => `${result.hubs} hubs`.padStart(9)).join('')}`,
);
for (const operation of operations) {
  console.log(
    `${operation.padEnd(52)}${results.map((result) => String(result.lists[operation] ?? 0).padStart(9)).join('')}`,
  );
}
