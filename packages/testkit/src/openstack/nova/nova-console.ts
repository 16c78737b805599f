import { numberField, objectField } from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { badRequest, conflict, isoTime, type NovaContext, reply, serverOf } from './nova-context.js';
import type { ServerRecord } from './nova-state.js';
import { fingerprintLine } from './ssh-host-key.js';

/**
 * The serial console log: a kernel boot, then, once cloud-init has run (`durations.cloudInit` after
 * ACTIVE), its host key block as `write-ssh-key-fingerprints` logs it, prefixed `ec2:` (cloud-init's
 * old name, which it still uses there).
 */
function bootLog(server: ServerRecord): string[] {
  return [
    '[    0.000000] Linux version 6.8.0-49-generic (buildd@lcy02-amd64-103) #49-Ubuntu SMP',
    '[    0.000000] Command line: BOOT_IMAGE=/vmlinuz-6.8.0-49-generic root=LABEL=cloudimg-rootfs ro console=tty1 console=ttyS0',
    `[    2.104211] EXT4-fs (vda1): mounted filesystem with ordered data mode.`,
    `Cloud-init v. 24.3.1 running 'init' at ${new Date(server.launchedAt ?? server.created).toUTCString()}.`,
    `ci-info: +++++++++++++++++++++++++++Net device info++++++++++++++++++++++++++++`,
  ];
}

function hostKeyBlock(server: ServerRecord, finished: number): string[] {
  return [
    'ec2: #############################################################',
    'ec2: -----BEGIN SSH HOST KEY FINGERPRINTS-----',
    ...server.hostKeys.map((key) => `ec2: ${fingerprintLine(key)}`),
    'ec2: -----END SSH HOST KEY FINGERPRINTS-----',
    'ec2: #############################################################',
    '-----BEGIN SSH HOST KEY KEYS-----',
    ...server.hostKeys,
    '-----END SSH HOST KEY KEYS-----',
    `Cloud-init v. 24.3.1 finished at ${isoTime(finished)}. Datasource DataSourceOpenStackLocal.`,
    `${server.name} login: `,
  ];
}

function consoleLines(context: NovaContext, server: ServerRecord): string[] {
  const lines = bootLog(server);
  const launched = server.launchedAt;
  if (launched === undefined) return lines;
  const finished = launched + context.settings.clock.scaled(context.settings.durations.cloudInit);
  return context.now >= finished ? [...lines, ...hostKeyBlock(server, finished)] : lines;
}

/** `os-getConsoleOutput` with `length` = the last N lines (null or -1: all). 409 before the guest runs. */
export function consoleOutput(context: NovaContext, server: ServerRecord, request: OpenStackRequest) {
  const options = objectField(request.body, 'os-getConsoleOutput');
  const raw = options?.length;
  const length =
    raw === null || raw === undefined ? undefined : (numberField(options, 'length') ?? Number(raw));
  if (length !== undefined && (!Number.isInteger(length) || length < -1))
    throw badRequest('Invalid input for field/attribute length.');
  if (server.status !== 'ACTIVE' && server.status !== 'SHUTOFF')
    throw conflict(`Instance ${server.id} is not ready`);
  const lines = consoleLines(context, server);
  const shown =
    length === undefined || length === -1 ? lines : lines.slice(Math.max(0, lines.length - length));
  return reply(context, 200, { output: shown.join('\n') + (shown.length > 0 ? '\n' : '') });
}

/** POST /servers/{id}/action: the fake serves the console action; others are 400 as unknown. */
export function serverAction(context: NovaContext, request: OpenStackRequest) {
  const server = serverOf(context, request.labels.id);
  if (request.body['os-getConsoleOutput'] !== undefined) return consoleOutput(context, server, request);
  const name = Object.keys(request.body)[0] ?? '';
  throw badRequest(`There is no such action: ${name}`);
}
