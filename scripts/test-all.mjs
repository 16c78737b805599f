#!/usr/bin/env node
// `npm test`'s last part: the type check and every project's tests (one vitest over all projects, the
// root `vitest.config.ts`) side by side. The type check is one program over every package's sources
// (`tsconfig.typecheck.json`, workspace imports mapped to their sources, nothing emitted): 25 s and
// 37 s of CPU here, where `tsc -b` (each project with its declarations, which `npm run build` still
// makes) took 46 s and 69 s. Neither needs the other: the tests load the
// TypeScript sources and the CLI bundle is built from them. Started together, the type check's single
// thread runs while the tests start, instead of before them on an otherwise idle core. Exits 1 when
// either fails, naming it; an interrupt stops both (exit 130).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;

const jobs = [
  {
    name: 'type check (tsc -p tsconfig.typecheck.json)',
    command: bin('tsc'),
    args: ['-p', 'tsconfig.typecheck.json'],
  },
  { name: 'tests (vitest run)', command: bin('vitest'), args: ['run', ...process.argv.slice(2)] },
];

const children = jobs.map((job) => spawn(job.command, job.args, { cwd: root, stdio: 'inherit' }));
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interrupted = true;
    for (const child of children) child.kill(signal);
  });
}

const codes = await Promise.all(
  children.map(
    (child) =>
      new Promise((resolve) => {
        child.on('error', (error) => resolve(`could not start: ${error.message}`));
        child.on('close', (code, signal) => resolve(code ?? signal));
      }),
  ),
);
let failed = false;
for (const [index, job] of jobs.entries()) {
  if (codes[index] === 0) continue;
  failed = true;
  console.error(`npm test: the ${job.name} failed (${codes[index]})`);
}
process.exitCode = interrupted ? 130 : failed ? 1 : 0;
