import { createSocket, type RemoteInfo } from 'node:dgram';
import { isIP } from 'node:net';

/** A DNS server on 127.0.0.1 (UDP) answering A and AAAA queries from a zone the test or sim sets. */
export interface RunningDnsFake {
  /** `127.0.0.1:<port>`, for a resolver's server list. */
  readonly server: string;
  /** Replace a name's addresses (IPv4 and IPv6 mixed); none makes it NXDOMAIN. */
  setRecords(host: string, addresses: readonly string[]): void;
  /** Queries answered so far, as `<name> <A|AAAA>`. */
  readonly queries: string[];
  close(): Promise<void>;
}

const TYPE_A = 1;
const TYPE_AAAA = 28;
const CLASS_IN = 1;
const RCODE_FORMERR = 1;
const RCODE_NXDOMAIN = 3;
const RCODE_NOTIMP = 4;

interface Question {
  name: string;
  type: number;
  end: number;
}

/** The first question of a query (RFC 1035 §4.1.2): labels up to a zero octet, then type and class. */
function readQuestion(message: Buffer): Question | undefined {
  const labels: string[] = [];
  let offset = 12;
  for (;;) {
    const length = message[offset];
    if (length === undefined || length > 63) return undefined;
    offset += 1;
    if (length === 0) break;
    labels.push(message.subarray(offset, offset + length).toString('ascii'));
    offset += length;
  }
  if (offset + 4 > message.length) return undefined;
  return { name: labels.join('.').toLowerCase(), type: message.readUInt16BE(offset), end: offset + 4 };
}

function addressBytes(address: string): Buffer {
  if (isIP(address) === 4) return Buffer.from(address.split('.').map(Number));
  const [head = '', tail = ''] = address.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = groups(tail);
  const all = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  const bytes = Buffer.alloc(16);
  for (const [index, group] of all.entries()) bytes.writeUInt16BE(Number.parseInt(group, 16), index * 2);
  return bytes;
}

function answer(
  query: Buffer,
  question: Question | undefined,
  lookup: (name: string) => string[] | undefined,
): Buffer {
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2);
  const recursionDesired = (query[2] ?? 0) & 0x01;
  const reply = (rcode: number, records: string[]) => {
    header.writeUInt16BE(0x8400 | (recursionDesired << 8) | 0x0080 | rcode, 2);
    header.writeUInt16BE(question === undefined ? 0 : 1, 4);
    header.writeUInt16BE(records.length, 6);
    const questionBytes = question === undefined ? Buffer.alloc(0) : query.subarray(12, question.end);
    const answers = records.map((address) => {
      const data = addressBytes(address);
      const record = Buffer.alloc(12);
      record.writeUInt16BE(0xc00c, 0);
      record.writeUInt16BE(data.length === 4 ? TYPE_A : TYPE_AAAA, 2);
      record.writeUInt16BE(CLASS_IN, 4);
      record.writeUInt32BE(60, 6);
      record.writeUInt16BE(data.length, 10);
      return Buffer.concat([record, data]);
    });
    return Buffer.concat([header, questionBytes, ...answers]);
  };
  if (question === undefined) return reply(RCODE_FORMERR, []);
  if (question.type !== TYPE_A && question.type !== TYPE_AAAA) return reply(RCODE_NOTIMP, []);
  const addresses = lookup(question.name);
  if (addresses === undefined) return reply(RCODE_NXDOMAIN, []);
  const family = question.type === TYPE_A ? 4 : 6;
  return reply(
    0,
    addresses.filter((address) => isIP(address) === family),
  );
}

export interface DnsFakeOptions {
  /**
   * Addresses for a name the zone does not have (asked at query time), e.g. the sim's "the operator
   * pointed the host at the floating IP"; none (or an empty list) is NXDOMAIN.
   */
  anyName?: () => readonly string[];
}

/**
 * The DNS the simulated world answers from, so a lookup of `ingress.host` never leaves the machine:
 * a resolver pointed at `server` gets the records set here (NXDOMAIN for any other name).
 */
export async function startDnsFake(
  records: Record<string, readonly string[]> = {},
  options: DnsFakeOptions = {},
): Promise<RunningDnsFake> {
  const zone = new Map(
    Object.entries(records).map(([host, addresses]) => [host.toLowerCase(), [...addresses]]),
  );
  const queries: string[] = [];
  const socket = createSocket('udp4');
  socket.on('message', (message: Buffer, peer: RemoteInfo) => {
    const question = message.length >= 12 ? readQuestion(message) : undefined;
    if (question !== undefined)
      queries.push(
        `${question.name} ${question.type === TYPE_A ? 'A' : question.type === TYPE_AAAA ? 'AAAA' : question.type}`,
      );
    const lookup = (name: string) => {
      const fallback = options.anyName?.() ?? [];
      return zone.get(name) ?? (fallback.length > 0 ? [...fallback] : undefined);
    };
    socket.send(answer(message, question, lookup), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    server: `127.0.0.1:${socket.address().port}`,
    setRecords(host, addresses) {
      if (addresses.length === 0) zone.delete(host.toLowerCase());
      else zone.set(host.toLowerCase(), [...addresses]);
    },
    queries,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
