import { HubfleetError, type HubfleetErrorKind } from '../../errors/hubfleet-error.js';

/** Longest helm message kept in an error: enough for the cause, short enough for a terminal. */
const MAX_MESSAGE_LENGTH = 400;

/** helm's own wording when a release is in `pending-*` (helm/pkg/action: errPending). */
export const PENDING_OPERATION_TEXT = 'another operation (install/upgrade/rollback) is in progress';

interface FailureRule {
  pattern: RegExp;
  kind: HubfleetErrorKind;
  retryable: boolean;
  hint: string;
}

/** First match wins, so the more specific wordings come first. */
const RULES: readonly FailureRule[] = [
  {
    pattern: /another operation \(install\/upgrade\/rollback\) is in progress|has no deployed releases/,
    kind: 'conflict',
    retryable: true,
    hint: 'an earlier helm run was interrupted; hubfleet rolls such a release back (or removes it if it never deployed) and tries again',
  },
  {
    pattern: /cannot re-use a name that is still in use/,
    kind: 'conflict',
    retryable: true,
    hint: 'another install of this release started at the same time; run the command again',
  },
  {
    pattern: /Kubernetes cluster unreachable/,
    kind: 'unavailable',
    retryable: true,
    hint: 'the cluster API server did not answer: check that the cluster is running and reachable from here, then run the command again',
  },
  {
    pattern: /is not a valid chart repository or cannot be reached/,
    kind: 'unavailable',
    retryable: true,
    hint: 'the chart repository did not answer: check the network (and any proxy), then run the command again',
  },
  {
    pattern:
      /timed out waiting for the condition|context deadline exceeded|i\/o timeout|TLS handshake timeout/,
    kind: 'timeout',
    retryable: true,
    hint: 'the release did not become ready in time: look at its pods (`kubectl get pods -n <namespace>`) for images that do not pull or pods that cannot be scheduled',
  },
  {
    pattern:
      /connection refused|no such host|connection reset by peer|unexpected EOF|Service Unavailable|Internal error occurred/,
    kind: 'unavailable',
    retryable: true,
    hint: 'the cluster did not answer: check that it is running and reachable from here, then run the command again',
  },
  {
    pattern: /Unauthorized|You must be logged in to the server|is forbidden|forbidden:/,
    kind: 'permission',
    retryable: false,
    hint: "the cluster credentials lack a permission: check the provider's kubeconfig and the identity it uses",
  },
  {
    pattern: /exceeded quota/,
    kind: 'quota',
    retryable: false,
    hint: 'a ResourceQuota in the namespace is full: raise it or lower the requests',
  },
  {
    pattern: /Too Many Requests|rate limit/i,
    kind: 'throttled',
    retryable: true,
    hint: 'the API asked hubfleet to slow down; it will try again',
  },
  {
    pattern:
      /not found in .* repository|chart ".*" (version ".*" )?not found|no chart version found|path ".*" not found|Chart\.yaml file is missing|failed to download|values don't meet the specifications|error converting YAML to JSON|failed to parse|parse error|template: |execution error at|unable to build kubernetes objects|error validating data|cannot unmarshal|invalid chart|requires kubeVersion/,
    kind: 'invalid-config',
    retryable: false,
    hint: 'the chart or its values were refused: check the chart name and version, and the values hubfleet generated (`hubfleet render`)',
  },
];

/** helm's own error text without warnings and usage noise, cut to a readable length. */
export function helmMessage(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('WARNING:') && !line.startsWith('Use --debug'));
  const errorLine = lines.findIndex((line) => line.startsWith('Error:'));
  const relevant = errorLine === -1 ? lines : lines.slice(errorLine);
  const text = relevant.join(' ').replace(/^Error:\s*/, '');
  if (text === '') return 'helm failed without saying why';
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}

export function isPendingOperationFailure(stderr: string): boolean {
  return /another operation \(install\/upgrade\/rollback\) is in progress|has no deployed releases/.test(
    stderr,
  );
}

/**
 * A helm failure as a HubfleetError: timeouts → `timeout` (retryable); a release busy with another
 * operation → `conflict` (retryable once hubfleet has recovered it); an unreachable API server →
 * `unavailable`; a missing chart or refused values → `invalid-config` with helm's own message.
 */
export function mapHelmFailure(options: {
  operation: string;
  subject: string;
  stderr: string;
}): HubfleetError {
  const message = helmMessage(options.stderr);
  const rule = RULES.find((candidate) => candidate.pattern.test(options.stderr));
  return new HubfleetError({
    kind: rule?.kind ?? 'unavailable',
    retryable: rule?.retryable ?? false,
    message: `helm ${options.operation} of ${options.subject} failed: ${message}`,
    hint: rule?.hint ?? 'run the same helm command by hand with --debug to see more',
    subject: options.subject,
  });
}
