// Text that came from a file or a cloud (a config's keys and values, a lock's holder) reaches a
// terminal inside hubfleet's messages. Raw, it could move the cursor, rewrite earlier lines, set the
// window title (escape sequences), hide itself (NUL) or reverse what follows (right-to-left marks);
// at full length it could flood the screen with a file that is not a config at all.

/** C0 controls (NUL, ESC, CR...), DEL, C1 controls, and the Unicode marks that reorder or hide text. */
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

function escapeCharacter(character: string): string {
  const code = character.charCodeAt(0);
  if (character === '\n') return '\\n';
  if (character === '\t') return '\\t';
  if (character === '\r') return '\\r';
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Default length of a quoted key or value in a message. */
export const PRINTABLE_LENGTH = 60;

/**
 * `text` safe to print inside a message: every control character, escape sequence introducer and
 * direction or invisible mark written as `\xNN` / `\uNNNN`, and cut to `max` characters with `…`.
 */
export function printable(text: string, max: number = PRINTABLE_LENGTH): string {
  const characters = [...text];
  const cut = characters.length > max ? `${characters.slice(0, max).join('')}…` : text;
  return cut.replace(UNPRINTABLE, escapeCharacter);
}

/** Whether `text` holds bytes no text file has: NUL, or invalid UTF-8 (decoded as U+FFFD). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.includes('\ufffd');
}
