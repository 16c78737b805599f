/**
 * Matching restJson/restXml paths against templates from the API model, e.g.
 * `/clusters/{name}/node-groups/{nodegroupName}`. A `{key+}` label takes the rest of the path (S3 keys).
 * Labels arrive percent-encoded (an ARN's `/` is `%2F`); they are decoded here.
 */
export interface RestRoute<Target> {
  method: string;
  path: string;
  target: Target;
}

export interface RestMatch<Target> {
  target: Target;
  labels: Record<string, string>;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const expected = template.split('/').filter(Boolean);
  const actual = path.split('/').filter(Boolean);
  const labels: Record<string, string> = {};
  for (const [index, part] of expected.entries()) {
    const label = /^\{([^}]+)\}$/.exec(part)?.[1];
    if (label?.endsWith('+')) {
      const rest = actual.slice(index);
      if (rest.length === 0) return undefined;
      labels[label.slice(0, -1)] = rest.map(decodeSegment).join('/');
      return labels;
    }
    const segment = actual[index];
    if (segment === undefined) return undefined;
    if (label) labels[label] = decodeSegment(segment);
    else if (part !== segment) return undefined;
  }
  return actual.length === expected.length ? labels : undefined;
}

export function matchRestRoute<Target>(
  routes: readonly RestRoute<Target>[],
  method: string,
  path: string,
): RestMatch<Target> | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const labels = matchTemplate(route.path, path);
    if (labels) return { target: route.target, labels };
  }
  return undefined;
}
