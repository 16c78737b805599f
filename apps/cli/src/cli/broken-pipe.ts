/**
 * `hubfleet catalog gke | head -1`: once the reader has gone, writing to stdout fails with EPIPE.
 * That is the reader's choice, not a failure: stop quietly (exit status as it stands), with no stack trace.
 */
export function exitQuietlyOnBrokenPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
