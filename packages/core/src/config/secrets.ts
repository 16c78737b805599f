import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { HubfleetError } from '../errors/hubfleet-error.js';
import { type ConfigIssue, error } from './issues.js';
import { isSecretRef, type SecretRef } from './secret.js';

export interface SecretContext {
  env: Readonly<Record<string, string | undefined>>;
  /** Directory of the config file; `fromFile` paths are relative to it. */
  configDirectory: string;
}

export interface SecretUse {
  path: (string | number)[];
  ref: SecretRef;
}

/** Every secret reference in a config, with where it stands. */
export function collectSecretRefs(value: unknown, path: (string | number)[] = []): SecretUse[] {
  if (isSecretRef(value)) return [{ path, ref: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => collectSecretRefs(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => collectSecretRefs(item, [...path, key]));
  }
  return [];
}

function problemWith(ref: SecretRef, context: SecretContext): { message: string; hint: string } | undefined {
  if ('fromEnv' in ref) {
    const value = context.env[ref.fromEnv];
    if (value === undefined || value === '') {
      return {
        message: `environment variable ${ref.fromEnv} is not set`,
        hint: `export ${ref.fromEnv}=... before running hubfleet`,
      };
    }
    return undefined;
  }
  const file = resolve(context.configDirectory, ref.fromFile);
  try {
    accessSync(file, constants.R_OK);
    if (!statSync(file).isFile())
      return {
        message: `${ref.fromFile} is not a file`,
        hint: 'point fromFile at the file holding the secret',
      };
    if (statSync(file).size === 0)
      return { message: `${ref.fromFile} is empty`, hint: 'write the secret into the file' };
  } catch {
    return {
      message: `secret file ${ref.fromFile} cannot be read (looked for ${file})`,
      hint: 'create it, or fix the path (relative to the config file)',
    };
  }
  return undefined;
}

/** Check that every secret resolves, without reading any value into the result. */
export function checkSecretsResolve(config: unknown, context: SecretContext): ConfigIssue[] {
  return collectSecretRefs(config).flatMap(({ path, ref }) => {
    const problem = problemWith(ref, context);
    return problem ? [error(path, problem.message, problem.hint)] : [];
  });
}

/** The secret's value, for the commands that need it (never for printing). */
export function resolveSecret(ref: SecretRef, context: SecretContext): string {
  const problem = problemWith(ref, context);
  if (problem)
    throw new HubfleetError({ kind: 'invalid-config', message: problem.message, hint: problem.hint });
  if ('fromEnv' in ref) return context.env[ref.fromEnv] as string;
  return readFileSync(resolve(context.configDirectory, ref.fromFile), 'utf8').replace(/\r?\n$/, '');
}

/** Plain files the config names (not secrets, but needed to deploy): the manual TLS certificate. */
export function checkReferencedFiles(
  config: { ingress?: { tls?: { mode: string; certFile?: string } } },
  context: SecretContext,
): ConfigIssue[] {
  const certFile = config.ingress?.tls?.certFile;
  if (certFile === undefined) return [];
  const file = resolve(context.configDirectory, certFile);
  try {
    accessSync(file, constants.R_OK);
    // A directory, a FIFO (reading it would wait forever) or a device (/dev/zero never ends) is no certificate.
    if (statSync(file).isFile()) return [];
    return [
      error(
        ['ingress', 'tls', 'certFile'],
        `certificate file ${certFile} is not a regular file (looked at ${file}: a directory, pipe or device)`,
        'point certFile at the PEM certificate chain file itself',
      ),
    ];
  } catch {
    return [
      error(
        ['ingress', 'tls', 'certFile'],
        `certificate file ${certFile} cannot be read (looked for ${file})`,
        'put the PEM certificate chain there, or fix the path (relative to the config file)',
      ),
    ];
  }
}
