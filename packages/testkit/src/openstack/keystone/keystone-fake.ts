import { randomBytes, randomUUID } from 'node:crypto';
import type { ServiceProtocol } from '../../framework/http-service.js';
import { type RunningFake, type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import type { TokenCheck } from '../shared/openstack-http.js';
import { createOpenStackProtocol } from '../shared/openstack-protocol.js';
import { badRequest, keystoneError, keystoneFault } from './keystone-errors.js';
import { KEYSTONE_ROUTES } from './keystone-routes.js';
import {
  type KeystoneCatalogEntry,
  type KeystoneContext,
  type KeystoneFakeOptions,
  type KeystoneSettings,
  resolveKeystoneSettings,
} from './keystone-settings.js';
import {
  createKeystoneState,
  DEFAULT_KEYSTONE_IDENTITY,
  type KeystoneApplicationCredential,
  type KeystoneState,
} from './keystone-state.js';
import { forgetOldTokens, liveToken } from './keystone-tokens.js';

export interface KeystoneFake {
  protocol: ServiceProtocol;
  state: KeystoneState;
  settings: KeystoneSettings;
  /** What keystonemiddleware asks Keystone in front of every other service: is this token valid now? */
  validToken: TokenCheck;
  /** The project a valid token is scoped to (services own resources per project). */
  projectOf(token: string): string | undefined;
  /** Adds a service to the catalog of tokens issued from now on (the sim cloud registers each fake). */
  registerService(entry: KeystoneCatalogEntry): void;
  /** Seeds an application credential of the default user, as `openstack application credential create` would. */
  addApplicationCredential(options: {
    name: string;
    id?: string;
    secret?: string;
    expiresAt?: number | null;
  }): KeystoneApplicationCredential;
  /** Revokes every issued token: the next call of any client gets 401 and must re-authenticate. */
  revokeAllTokens(): void;
}

export function createKeystoneFake(options: KeystoneFakeOptions): KeystoneFake {
  const settings = resolveKeystoneSettings(options);
  const state = options.state ?? createKeystoneState();
  const protocol = createOpenStackProtocol<KeystoneContext>({
    name: 'keystone',
    routes: KEYSTONE_ROUTES,
    contextFor() {
      const now = settings.clock.now();
      forgetOldTokens(state, now);
      return { state, settings, now };
    },
    malformedBody: () => badRequest('Malformed request body: the body is not a JSON object.'),
    fault: keystoneFault,
    notFound: (request) =>
      keystoneError(404, `The resource could not be found: ${request.method} ${request.path}`),
  });
  return {
    protocol,
    state,
    settings,
    validToken: (token) => liveToken(state, token, settings.clock.now()) !== undefined,
    projectOf: (token) => liveToken(state, token, settings.clock.now())?.projectId || undefined,
    registerService(entry) {
      settings.catalog = [...settings.catalog.filter((known) => known.type !== entry.type), entry];
    },
    addApplicationCredential({ name, id, secret, expiresAt = null }) {
      const { user, project } = DEFAULT_KEYSTONE_IDENTITY;
      const credential: KeystoneApplicationCredential = {
        id: id ?? randomUUID().replaceAll('-', ''),
        name,
        userId: user.id,
        projectId: project.id,
        secret: secret ?? randomBytes(32).toString('base64url'),
        description: null,
        expiresAt,
        roles: ['member', 'reader'],
      };
      state.applicationCredentials[credential.id] = credential;
      return credential;
    },
    revokeAllTokens() {
      for (const token of Object.values(state.tokens)) token.revoked = true;
    },
  };
}

export interface StartKeystoneFakeOptions
  extends Omit<KeystoneFakeOptions, 'state' | 'clock'>,
    StartFakeOptions {}

export type RunningKeystoneFake = RunningFake<KeystoneState, KeystoneFake>;

/** Serves Keystone v3 on 127.0.0.1; its `url` is the auth URL (`/v3` is appended by clients). */
export async function startKeystoneFake(options: StartKeystoneFakeOptions): Promise<RunningKeystoneFake> {
  const running = await startFake(options, createKeystoneState, (state) =>
    createKeystoneFake({ ...options, state }),
  );
  running.fake.settings.publicUrl = running.url;
  return running;
}
