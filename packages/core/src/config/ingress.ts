import { z } from 'zod';
import { hostname } from './primitives.js';
import { secretRef } from './secret.js';

const letsEncrypt = z.strictObject({
  mode: z.literal('letsencrypt'),
  email: z
    .email("must be an e-mail address Let's Encrypt can write to about expiring certificates")
    .optional(),
});
const manual = z.strictObject({
  mode: z.literal('manual'),
  certFile: z.string().min(1).optional().describe('PEM certificate (chain), relative to the config file.'),
  keyFile: secretRef.optional().describe('The private key, as a secret reference.'),
});
const none = z.strictObject({ mode: z.literal('none') });

export const tlsSchema = z
  .discriminatedUnion('mode', [letsEncrypt, manual, none])
  .describe(
    'letsencrypt (cert-manager issues and renews), manual (your certificate files), or none (plain HTTP).',
  );

export const ingressSchema = z
  .strictObject({
    host: hostname.describe('Every hub is served at https://<host>/<hub-name>/.'),
    tls: tlsSchema.default({ mode: 'none' }),
  })
  .describe('The one host name all hubs share.');

export type IngressConfig = z.infer<typeof ingressSchema>;
