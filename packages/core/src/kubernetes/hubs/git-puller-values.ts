import type { HubConfig } from '../../config/hub.js';
import { HOME_MOUNT_PATH } from '../storage/index.js';
import type { Values } from './deep-merge.js';

type GitPuller = NonNullable<HubConfig['gitPuller']>;

/** The folder in each home that nbgitpuller keeps in sync: the repository's name (`course.git` → `course`). */
export function gitPullerDirectory(gitPuller: GitPuller): string {
  const last = new URL(gitPuller.repo).pathname.split('/').filter(Boolean).at(-1) ?? '';
  const name = last.replace(/\.git$/, '').replace(/[^A-Za-z0-9._-]/g, '-');
  return name === '' || name === '.' || name === '..' ? 'course' : name;
}

/**
 * nbgitpuller as z2jh documents it: a `postStart` lifecycle hook running `gitpuller <repo> <branch>
 * <dir>` at every server start. Wrapped in `sh -c ... || echo` because a failing postStart hook kills
 * the container: a merge conflict or an image without nbgitpuller (seed 004, "Git Pull Fails for
 * User") then costs the user a stale folder, not their server. Repository, branch and folder are
 * passed as arguments, never spliced into the script.
 */
export function gitPullerValues(hub: HubConfig): Values {
  if (hub.gitPuller === undefined) return {};
  const directory = `${HOME_MOUNT_PATH}/${gitPullerDirectory(hub.gitPuller)}`;
  const script = 'gitpuller "$1" "$2" "$3" || echo "hubfleet: gitpuller could not update $3" >&2';
  return {
    singleuser: {
      lifecycleHooks: {
        postStart: {
          exec: {
            command: ['sh', '-c', script, 'gitpuller', hub.gitPuller.repo, hub.gitPuller.branch, directory],
          },
        },
      },
    },
  };
}
