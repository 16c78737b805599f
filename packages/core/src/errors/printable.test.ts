import { describe, expect, it } from 'vitest';
import { looksBinary, printable } from './printable.js';

describe('printable', () => {
  it('escapes escape sequences, NUL, carriage returns and right-to-left marks', () => {
    expect(printable('\u001b[2J\u001b]0;owned\u0007key')).toBe('\\x1b[2J\\x1b]0;owned\\x07key');
    expect(printable('a\u0000b\rc')).toBe('a\\x00b\\rc');
    expect(printable('admin\u202egnp.exe')).toBe('admin\\u202egnp.exe');
    expect(printable('\u200fname\u2066')).toBe('\\u200fname\\u2066');
    expect(printable('ordinary-key_1.ü')).toBe('ordinary-key_1.ü');
  });

  it('cuts long text to the limit with an ellipsis, escaping after the cut', () => {
    expect(printable('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}…`);
    expect(printable('\u001b'.repeat(3), 2)).toBe('\\x1b\\x1b…');
  });

  it('names binary input: NUL bytes or invalid UTF-8', () => {
    expect(looksBinary(Buffer.from('name: ok\n'))).toBe(false);
    expect(looksBinary(Buffer.from([0x6e, 0x00, 0x61]))).toBe(true);
    expect(looksBinary(Buffer.from([0xff, 0xfe, 0x41]))).toBe(true);
  });
});
