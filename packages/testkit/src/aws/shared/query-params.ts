import type { FakeRequest } from '../../framework/http-service.js';

/** A query-protocol request (IAM, STS, EC2): `Action`, `Version` and the flattened parameters. */
export interface QueryRequest {
  action: string | undefined;
  version: string | undefined;
  params: Record<string, string>;
}

/**
 * Reads the parameters of a query-protocol call: the form-encoded body of a POST merged over the URL
 * query string (presigned GETs carry everything in the URL). Any body that is not JSON or XML is read
 * as a form, whatever its content type says. Later duplicates win.
 */
export function parseQueryRequest(request: FakeRequest): QueryRequest {
  const params: Record<string, string> = {};
  for (const [key, value] of request.query) params[key] = value;
  const contentType = String(request.headers['content-type'] ?? '');
  if (request.body && !/json|xml/.test(contentType)) {
    for (const [key, value] of new URLSearchParams(request.body)) params[key] = value;
  }
  return { action: params.Action, version: params.Version, params };
}

/** Indices that follow `prefix.` in the keys, in numeric order (`Tags.member.1.Key` → 1). */
function indicesAfter(params: Record<string, string>, prefix: string): number[] {
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)(?:\\.|$)`);
  const indices = new Set<number>();
  for (const key of Object.keys(params)) {
    const index = pattern.exec(key)?.[1];
    if (index) indices.add(Number(index));
  }
  return [...indices].sort((a, b) => a - b);
}

/**
 * A list of structures: `memberList(params, 'Tags.member')` turns `Tags.member.1.Key=k&Tags.member.1.Value=v`
 * into `[{ Key: 'k', Value: 'v' }]`. EC2 has no `.member`: `memberList(params, 'Filter')`. Nested lists
 * stay flattened inside each entry (`{ Name: 'tag:x', 'Value.1': 'a' }`), ready for another call.
 */
export function memberList(params: Record<string, string>, prefix: string): Record<string, string>[] {
  return indicesAfter(params, prefix).map((index) => {
    const entryPrefix = `${prefix}.${index}.`;
    const entry: Record<string, string> = {};
    for (const [key, value] of Object.entries(params)) {
      if (key.startsWith(entryPrefix)) entry[key.slice(entryPrefix.length)] = value;
    }
    return entry;
  });
}

/** A list of scalars: `stringList(params, 'TagKeys.member')` reads `TagKeys.member.1=a&TagKeys.member.2=b`. */
export function stringList(params: Record<string, string>, prefix: string): string[] {
  return indicesAfter(params, prefix)
    .map((index) => params[`${prefix}.${index}`])
    .filter((value): value is string => value !== undefined);
}
