import { historyArgs, statusArgs } from './helm-args.js';
import { mapHelmFailure } from './helm-errors.js';
import { parseHistory, parseReleaseState } from './helm-output.js';
import { type HelmSession, jsonPart, releaseSubject } from './helm-session.js';
import type { HelmReleaseState, HelmRevision } from './helm-types.js';

/** Which release, where, and with which credentials. */
export interface ReleaseTargetOptions {
  release: string;
  namespace: string;
  /** A kubeconfig as YAML text; written to a private file only for the duration of the call. */
  kubeconfig: string;
}

/** A release target whose kubeconfig is already in a private file. */
export interface ReleaseTargetFile {
  release: string;
  namespace: string;
  kubeconfigFile: string;
}

const RELEASE_NOT_FOUND = /release: not found/;

/** `helm history -o json`; empty when the release does not exist. */
export async function readHistory(session: HelmSession, target: ReleaseTargetFile): Promise<HelmRevision[]> {
  const result = await session.run(historyArgs(target));
  if (result.code !== 0 && RELEASE_NOT_FOUND.test(result.stderr)) return [];
  if (result.code !== 0) {
    throw mapHelmFailure({ operation: 'history', subject: releaseSubject(target), stderr: result.stderr });
  }
  return parseHistory(result.stdout);
}

/** `helm status -o json`; undefined when the release does not exist. */
export async function readStatus(
  session: HelmSession,
  target: ReleaseTargetFile,
): Promise<HelmReleaseState | undefined> {
  const result = await session.run(statusArgs(target));
  if (result.code !== 0 && RELEASE_NOT_FOUND.test(result.stderr)) return undefined;
  if (result.code !== 0) {
    throw mapHelmFailure({ operation: 'status', subject: releaseSubject(target), stderr: result.stderr });
  }
  return parseReleaseState(jsonPart(result.stdout));
}

/** Run `query` with the target's kubeconfig in a private file. */
export function withKubeconfig<T>(
  session: HelmSession,
  target: ReleaseTargetOptions,
  query: (file: ReleaseTargetFile) => Promise<T>,
): Promise<T> {
  return session.inPrivate({ 'kubeconfig.yaml': target.kubeconfig }, (paths) =>
    query({
      release: target.release,
      namespace: target.namespace,
      kubeconfigFile: paths['kubeconfig.yaml'] as string,
    }),
  );
}
