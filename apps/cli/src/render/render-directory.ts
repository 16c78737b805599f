import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HubfleetError } from '@hubfleet/core';

/** The file that marks a directory as written by `hubfleet render`, so a later render may replace its folders. */
export const RENDER_MARKER = '.hubfleet-render';

const MARKER_TEXT =
  'Written by `hubfleet render`. Every render replaces values/ and manifests/ in this directory.\n';

/**
 * The folders render owns inside `--out`: replaced on every render of a marked directory, with the
 * folders of the provider's artifacts (NeCTAR: `bootstrap`).
 */
const RENDERED_FOLDERS = ['values', 'manifests'] as const;

function notOurs(out: string, why: string): HubfleetError {
  return new HubfleetError({
    kind: 'invalid-config',
    message: `--out ${out} ${why}, so render will not write into it`,
    hint: `pass a new or empty directory (render marks the directories it writes with ${RENDER_MARKER} and only ever replaces values/ and manifests/ in those)`,
    subject: '--out',
  });
}

function cannotWrite(out: string, error: unknown): HubfleetError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new HubfleetError({
    kind: 'invalid-config',
    message: `cannot write to --out ${out} (${code})`,
    hint: 'pass a directory you can write to',
    subject: '--out',
    cause: error,
  });
}

/**
 * Make `out` ready for a render: a new or empty directory is created and marked; a directory an
 * earlier render marked has its `values/` and `manifests/` replaced; any other non-empty directory is
 * refused (exit 2), so a render can never delete a user's own files.
 */
export function prepareRenderDirectory(out: string, artifactFolders: readonly string[] = []): void {
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw notOurs(out, 'is a file, not a directory');
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(RENDER_MARKER)) {
      throw notOurs(out, `is not empty and has no ${RENDER_MARKER} marker from an earlier render`);
    }
  }
  try {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, RENDER_MARKER), MARKER_TEXT);
    for (const folder of new Set([...RENDERED_FOLDERS, ...artifactFolders])) {
      rmSync(join(out, folder), { recursive: true, force: true });
      mkdirSync(join(out, folder));
    }
  } catch (error) {
    throw cannotWrite(out, error);
  }
}
