import { generateKeyPairSync } from 'node:crypto';
import { objectField, stringField } from '../../framework/json-body.js';
import { atLeast } from '../shared/microversion.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import {
  badRequest,
  conflict,
  forbidden,
  isoTime,
  type NovaContext,
  notFound,
  reply,
} from './nova-context.js';
import type { KeypairRecord } from './nova-state.js';
import { isOpenSshPublicKey, md5Fingerprint } from './ssh-host-key.js';

/** Names: letters, digits, space, `_` and `-` (2.92 adds `@` and `.`), 1–255 characters. */
function validName(context: NovaContext, name: string | undefined): string {
  const pattern = atLeast(context.version, '2.92') ? /^[A-Za-z0-9 _\-@.]{1,255}$/ : /^[A-Za-z0-9 _-]{1,255}$/;
  if (name === undefined || !pattern.test(name) || name.trim() === '')
    throw badRequest('Keypair data is invalid: Keypair name contains unsafe characters');
  return name;
}

function view(context: NovaContext, keypair: KeypairRecord, full: boolean) {
  return {
    name: keypair.name,
    public_key: keypair.publicKey,
    fingerprint: keypair.fingerprint,
    ...(atLeast(context.version, '2.2') ? { type: keypair.type } : {}),
    ...(full
      ? {
          user_id: context.settings.userId,
          created_at: isoTime(keypair.created),
          deleted: false,
          deleted_at: null,
          updated_at: null,
          id: Object.keys(context.state.keypairs).indexOf(keypair.name) + 1,
        }
      : {}),
  };
}

/** A generated key (before 2.92 only): Nova makes an RSA key and returns the private half once. */
function generated(): { publicKey: string; privateKey: string } {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = pair.publicKey.export({ format: 'jwk' });
  const mpint = (base64url: string | undefined) => {
    let bytes = Buffer.from(base64url ?? '', 'base64url');
    if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  const type = Buffer.from('ssh-rsa');
  const typeLength = Buffer.alloc(4);
  typeLength.writeUInt32BE(type.length);
  const blob = Buffer.concat([typeLength, type, mpint(jwk.e), mpint(jwk.n)]);
  return {
    publicKey: `ssh-rsa ${blob.toString('base64')} Generated-by-Nova`,
    privateKey: pair.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
  };
}

export function listKeypairs(context: NovaContext) {
  return reply(context, 200, {
    keypairs: Object.values(context.state.keypairs).map((keypair) => ({
      keypair: view(context, keypair, false),
    })),
  });
}

export function getKeypair(context: NovaContext, request: OpenStackRequest) {
  const keypair = context.state.keypairs[request.labels.name ?? ''];
  if (!keypair)
    throw notFound(`Keypair ${request.labels.name} not found for user ${context.settings.userId}`);
  return reply(context, 200, { keypair: view(context, keypair, true) });
}

/** POST → 200 (201 from 2.2); 409 on a taken name; 400 on a key that is not an OpenSSH public key. */
export function createKeypair(context: NovaContext, request: OpenStackRequest) {
  const body = objectField(request.body, 'keypair');
  const name = validName(context, stringField(body, 'name'));
  if (context.state.keypairs[name]) throw conflict(`Key pair '${name}' already exists.`);
  if (Object.keys(context.state.keypairs).length >= context.settings.quotas.keyPairs)
    throw forbidden('Quota exceeded, too many key pairs.');
  const type = stringField(body, 'type') === 'x509' ? 'x509' : 'ssh';
  let publicKey = stringField(body, 'public_key');
  let privateKey: string | undefined;
  if (publicKey === undefined) {
    if (atLeast(context.version, '2.92'))
      throw badRequest("Invalid input for field/attribute keypair. 'public_key' is a required property");
    ({ publicKey, privateKey } = generated());
  } else if (!isOpenSshPublicKey(publicKey)) {
    throw badRequest('Keypair data is invalid: failed to generate fingerprint');
  }
  const keypair: KeypairRecord = {
    name,
    publicKey,
    fingerprint: md5Fingerprint(publicKey),
    type,
    created: context.now,
  };
  context.state.keypairs[name] = keypair;
  const status = atLeast(context.version, '2.2') ? 201 : 200;
  return reply(context, status, {
    keypair: {
      ...view(context, keypair, false),
      user_id: context.settings.userId,
      ...(privateKey ? { private_key: privateKey } : {}),
    },
  });
}

export function deleteKeypair(context: NovaContext, request: OpenStackRequest) {
  const name = request.labels.name ?? '';
  if (!context.state.keypairs[name])
    throw notFound(`Keypair ${name} not found for user ${context.settings.userId}`);
  delete context.state.keypairs[name];
  return reply(context, atLeast(context.version, '2.2') ? 204 : 202);
}
