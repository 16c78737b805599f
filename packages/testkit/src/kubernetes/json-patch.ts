import { badRequest, KubernetesApiError } from './errors.js';
import { cloneJson, deepEqual, isRecord } from './kube-object.js';

interface Operation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

function unprocessable(message: string): KubernetesApiError {
  return new KubernetesApiError(422, 'Invalid', message);
}

/** RFC 6901 pointer to tokens. */
function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw badRequest(`invalid JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parseOperations(patch: unknown): Operation[] {
  if (!Array.isArray(patch)) throw badRequest('json patch must be an array of operations');
  return patch.map((operation) => {
    if (!isRecord(operation) || typeof operation.path !== 'string')
      throw badRequest('invalid json patch operation');
    const op = operation.op;
    if (
      op !== 'add' &&
      op !== 'remove' &&
      op !== 'replace' &&
      op !== 'move' &&
      op !== 'copy' &&
      op !== 'test'
    ) {
      throw badRequest(`Unexpected kind: ${String(op)}`);
    }
    if ((op === 'move' || op === 'copy') && typeof operation.from !== 'string')
      throw badRequest(`${op} operation needs "from"`);
    return {
      op,
      path: operation.path,
      ...(typeof operation.from === 'string' ? { from: operation.from } : {}),
      ...('value' in operation ? { value: operation.value } : {}),
    };
  });
}

function arrayIndex(token: string, length: number, allowEnd: boolean): number {
  if (allowEnd && token === '-') return length;
  if (!/^(0|[1-9]\d*)$/.test(token)) throw unprocessable(`invalid array index: ${token}`);
  const index = Number(token);
  if (index > length || (!allowEnd && index === length))
    throw unprocessable(`array index out of bounds: ${token}`);
  return index;
}

/** The container holding the last token of `path`, and that token. */
function locate(document: unknown, path: string): { parent: unknown; last: string } {
  const parts = tokens(path);
  const last = parts.pop();
  if (last === undefined) throw unprocessable('the root cannot be targeted here');
  let parent = document;
  for (const part of parts) {
    if (Array.isArray(parent)) parent = parent[arrayIndex(part, parent.length, false)];
    else if (isRecord(parent) && part in parent) parent = parent[part];
    else throw unprocessable(`doc is missing path: "${path}"`);
  }
  return { parent, last };
}

function read(document: unknown, path: string): unknown {
  if (path === '') return document;
  const { parent, last } = locate(document, path);
  if (Array.isArray(parent)) return parent[arrayIndex(last, parent.length, false)];
  if (isRecord(parent) && last in parent) return parent[last];
  throw unprocessable(`doc is missing path: "${path}"`);
}

function remove(document: unknown, path: string): unknown {
  const { parent, last } = locate(document, path);
  if (Array.isArray(parent)) return parent.splice(arrayIndex(last, parent.length, false), 1)[0];
  if (isRecord(parent) && last in parent) {
    const value = parent[last];
    delete parent[last];
    return value;
  }
  throw unprocessable(`doc is missing path: "${path}": missing value`);
}

function add(document: unknown, path: string, value: unknown): unknown {
  if (path === '') return value;
  const { parent, last } = locate(document, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(last, parent.length, true), 0, value);
  else if (isRecord(parent)) parent[last] = value;
  else throw unprocessable(`doc is missing path: "${path}"`);
  return document;
}

/** RFC 6902 JSON patch. A failing `test` or a missing path is 422, a malformed patch 400. */
export function applyJsonPatch(target: unknown, patch: unknown): unknown {
  let document = cloneJson(target);
  for (const operation of parseOperations(patch)) {
    switch (operation.op) {
      case 'add':
        document = add(document, operation.path, cloneJson(operation.value));
        break;
      case 'remove':
        remove(document, operation.path);
        break;
      case 'replace':
        if (operation.path === '') document = cloneJson(operation.value);
        else {
          remove(document, operation.path);
          document = add(document, operation.path, cloneJson(operation.value));
        }
        break;
      case 'move': {
        const value = remove(document, operation.from ?? '');
        document = add(document, operation.path, value);
        break;
      }
      case 'copy':
        document = add(document, operation.path, cloneJson(read(document, operation.from ?? '')));
        break;
      case 'test':
        if (!deepEqual(read(document, operation.path), operation.value)) {
          throw unprocessable(`testing value ${operation.path} failed: test failed`);
        }
        break;
    }
  }
  return document;
}
