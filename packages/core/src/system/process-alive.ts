/**
 * Whether a process with this pid runs on this machine: signal 0 checks without signalling. EPERM
 * means it exists under another user. Used to tell that the owner of a lock or of private files died.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
