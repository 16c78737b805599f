import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml';
import type { SourcePosition } from './issues.js';

function pairFor(node: unknown, key: string | number): Pair | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find(
    (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key),
  );
}

/**
 * Where `path` stands in the YAML source. For a path that does not exist (a missing field), the
 * deepest existing ancestor; with `atKey`, the key rather than the value.
 */
export function positionOf(
  document: Document,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
  atKey = false,
): SourcePosition | undefined {
  let node: unknown = document.contents;
  let offset = (node as Node | null)?.range?.[0];
  for (let index = 0; index < path.length; index++) {
    const part = path[index] as string | number;
    const isLast = index === path.length - 1;
    if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
    } else {
      const pair = pairFor(node, part);
      if (!pair) break;
      if (isLast && atKey) {
        offset = (pair.key as Node).range?.[0] ?? offset;
        break;
      }
      node = pair.value ?? pair.key;
    }
    const range = (node as Node | undefined)?.range;
    if (!range) break;
    offset = range[0];
  }
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
