/**
 * One idempotent bootstrap step: a check that says whether the machine is already as the step
 * wants it, and what to run when it is not. Rendered into plain bash (bootstrap-script.ts), each
 * step prints `hubfleet-step <name> unchanged` when its check passes and does nothing else, or runs
 * and prints `hubfleet-step <name> changed`; a step whose check still fails after it ran fails the
 * script, so a second run of a converged machine only checks.
 */
export interface BootstrapStep {
  /** Lower-case words with hyphens, e.g. `swap-off`; unique within a script. */
  name: string;
  /** Why the step exists, one line: a comment in the script. */
  why: string;
  /**
   * Bash that exits 0 when the machine is already done (a function body). Under `pipefail`, never
   * end a pipe with `grep -q`: it stops reading early and the writer's SIGPIPE fails the pipe.
   */
  check: string;
  /** Bash that makes it so (a function body, under `set -euo pipefail`). */
  apply: string;
}

/** A runtime input of a script: an environment variable hubfleet passes over SSH. */
export interface BootstrapInput {
  name: string;
  why: string;
}

/** A whole script: read it top to bottom to see what runs on the VM. */
export interface BootstrapScript {
  /** File name under `bootstrap/`, e.g. `control-plane.sh`. */
  file: string;
  title: string;
  inputs: readonly BootstrapInput[];
  /** Shell variables every step may use (name → bash value expression), set after the inputs are checked. */
  variables: Readonly<Record<string, string>>;
  /** Shell functions steps share. */
  helpers: readonly string[];
  steps: readonly BootstrapStep[];
}

/** A line the runner reads from a script's output. */
export type StepOutcome = 'begin' | 'changed' | 'unchanged';
export const STEP_MARKER = 'hubfleet-step';
