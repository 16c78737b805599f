import { z } from 'zod';

/**
 * A secret is always a reference, never the value, so the file can be committed and shared.
 * A plain string is refused with the fix.
 */
const fromEnv = z.strictObject({
  fromEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name such as IRIS_CLIENT_SECRET'),
});
const fromFile = z.strictObject({
  fromFile: z.string().min(1).describe('A path, relative to the config file.'),
});

export const PLAINTEXT_SECRET_MESSAGE =
  'is a secret, so it takes a reference, not the value: write { fromEnv: VARIABLE_NAME } or { fromFile: ./path/to/file }';

export const secretRef = z
  .union([fromEnv, fromFile], {
    error: (issue) =>
      typeof issue.input === 'string'
        ? PLAINTEXT_SECRET_MESSAGE
        : 'must be a secret reference: { fromEnv: VARIABLE_NAME } or { fromFile: ./path/to/file }',
  })
  .describe('A secret reference: { fromEnv: NAME } or { fromFile: ./path } (relative to the config file).')
  .meta({ hubfleetSecret: true });

export type SecretRef = z.infer<typeof secretRef>;

export function isSecretRef(value: unknown): value is SecretRef {
  return secretRef.safeParse(value).success;
}

export function describeSecretRef(ref: SecretRef): string {
  return 'fromEnv' in ref ? `$${ref.fromEnv}` : `file ${ref.fromFile}`;
}
