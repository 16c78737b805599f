import { z } from 'zod';
import { secretRef } from './secret.js';

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const userList = z.array(z.string().min(1));

const lti11 = z.strictObject({
  type: z.literal('lti11'),
  consumerKey: secretRef.describe('LTI 1.1 consumer key, shared with the LMS.'),
  sharedSecret: secretRef.describe('LTI 1.1 shared secret.'),
});
const lti13 = z.strictObject({
  type: z.literal('lti13'),
  issuer: url.describe('The platform issuer, e.g. https://canvas.instructure.com.'),
  clientId: z.string().min(1),
  authorizeUrl: url,
  jwksUrl: url.describe("The platform's JSON Web Key Set URL."),
});
const oauth = z.strictObject({
  type: z.literal('oauth'),
  clientId: z.string().min(1),
  clientSecret: secretRef,
  authorizeUrl: url,
  tokenUrl: url,
  userdataUrl: url,
  scopes: z.array(z.string().min(1)).default(['openid', 'profile', 'email']),
  usernameClaim: z.string().min(1).default('preferred_username'),
  allowedGroups: userList.optional().describe('Only members of these groups may log in.'),
  adminGroups: userList.optional().describe('Members of these groups are hub admins.'),
});
const google = z.strictObject({
  type: z.literal('google'),
  clientId: z.string().min(1),
  clientSecret: secretRef,
  hostedDomain: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
});
const github = z.strictObject({
  type: z.literal('github'),
  clientId: z.string().min(1),
  clientSecret: secretRef,
  allowedOrganizations: userList.optional(),
});
const native = z.strictObject({
  type: z.literal('native'),
  admins: userList.optional(),
  openSignup: z
    .boolean()
    .default(false)
    .describe('Anyone may sign up; otherwise an admin approves each account.'),
});
const dummy = z.strictObject({
  type: z.literal('dummy'),
  password: secretRef.optional().describe('For tests only: one shared password for every user.'),
});

export const AUTH_TYPES = ['lti11', 'lti13', 'oauth', 'google', 'github', 'native', 'dummy'] as const;

export const authSchema = z
  .discriminatedUnion('type', [lti11, lti13, oauth, google, github, native, dummy])
  .describe('How users log in: lti11 | lti13 | oauth | google | github | native | dummy (tests only).');

export type AuthConfig = z.infer<typeof authSchema>;
