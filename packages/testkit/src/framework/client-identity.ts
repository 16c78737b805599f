import { X509Certificate } from 'node:crypto';

/** One `KEY=value` line of Node's subject text, its `\,`-style escapes undone. */
function field(line: string): [key: string, value: string] {
  const equals = line.indexOf('=');
  return [line.slice(0, equals), line.slice(equals + 1).replace(/\\(.)/g, '$1')];
}

/**
 * User (CN) and groups (O) of a verified client certificate, as the Kubernetes API server reads them.
 * Node's own X509Certificate reads it (one `KEY=value` line per attribute), so serving requests never
 * loads the certificate builder in `pki.ts`.
 */
export function clientIdentity(certificatePem: string): { user: string; groups: string[] } {
  const fields = new X509Certificate(certificatePem).subject.split('\n').filter(Boolean).map(field);
  return {
    user: fields.find(([key]) => key === 'CN')?.[1] ?? '',
    groups: fields.filter(([key]) => key === 'O').map(([, value]) => value),
  };
}
