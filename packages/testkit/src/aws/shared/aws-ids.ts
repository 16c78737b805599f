import { randomBytes, randomUUID } from 'node:crypto';

/** The account every fake answers for unless told otherwise (the documentation's example account). */
export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

/** A request id in the shape AWS returns in `x-amzn-RequestId` and `<RequestId>`: a UUID. */
export function awsRequestId(): string {
  return randomUUID();
}

const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_HEX = '0123456789abcdef';

export type IdAlphabet = 'upper-alphanumeric' | 'lower-alphanumeric' | 'lower-hex';

const ALPHABETS: Record<IdAlphabet, string> = {
  'upper-alphanumeric': UPPER_ALPHANUMERIC,
  'lower-alphanumeric': LOWER_ALPHANUMERIC,
  'lower-hex': LOWER_HEX,
};

/** Random characters for resource ids such as `AROA…` role ids, `vol-…` or `a-…` association ids. */
export function randomId(length: number, alphabet: IdAlphabet = 'lower-hex'): string {
  const characters = ALPHABETS[alphabet];
  return Array.from(randomBytes(length), (byte) => characters[byte % characters.length]).join('');
}
