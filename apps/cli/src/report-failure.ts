import { exitCodeFor, HubfleetError } from '@hubfleet/core';

/** Print an error the way a user can act on it, and return its exit code. Stack traces only for bugs. */
export function reportFailure(problem: unknown): number {
  if (HubfleetError.is(problem)) {
    const subject = problem.subject ? `${problem.subject}: ` : '';
    process.stderr.write(`error: ${subject}${problem.message}\n`);
    if (problem.hint) process.stderr.write(`  → ${problem.hint}\n`);
    return exitCodeFor(problem);
  }
  const detail =
    problem instanceof Error
      ? process.env.HUBFLEET_DEBUG
        ? (problem.stack ?? problem.message)
        : problem.message
      : String(problem);
  process.stderr.write(
    `internal error: ${detail}\n  → this is a bug in hubfleet; rerun with HUBFLEET_DEBUG=1 and report the output\n`,
  );
  return 1;
}
