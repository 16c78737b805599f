/**
 * What an OpenStack error body says, whatever the service's shape:
 * - Keystone: `{"error": {"code", "title", "message"}}`
 * - Magnum: `{"errors": [{"status", "code", "title", "detail", "request_id"}]}`
 * - Nova, Cinder: `{"<faultName>": {"code", "message"}}` (badRequest, itemNotFound, overLimit, forbidden…)
 * - Neutron: `{"NeutronError": {"type", "message", "detail"}}`
 * - Octavia (wsme): `{"faultcode", "faultstring", "debuginfo"}`
 * - Glance and plain webob: `{"code", "title", "message"}` or an HTML/text body.
 */
export interface ErrorBody {
  /** The service's error name (see OpenStackErrorDetails.code). */
  code: string | undefined;
  message: string | undefined;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function fromMagnum(body: Json): ErrorBody | undefined {
  const errors = body.errors;
  if (!Array.isArray(errors) || !isObject(errors[0])) return undefined;
  const first = errors[0];
  // Magnum's `code` is only the origin ("client"/"server"); `title` is the message without its full stop.
  return { code: text(first.code), message: text(first.detail) ?? text(first.title) };
}

function fromNeutron(body: Json): ErrorBody | undefined {
  const error = body.NeutronError;
  if (!isObject(error)) return typeof error === 'string' ? { code: undefined, message: error } : undefined;
  const detail = text(error.detail);
  const message = text(error.message);
  return {
    code: text(error.type),
    message: detail && message ? `${message} ${detail}` : (message ?? detail),
  };
}

function fromOctavia(body: Json): ErrorBody | undefined {
  const message = text(body.faultstring);
  if (message === undefined) return undefined;
  return { code: text(body.faultcode), message };
}

function fromKeystone(body: Json): ErrorBody | undefined {
  const error = body.error;
  if (!isObject(error)) return undefined;
  return { code: text(error.title), message: text(error.message) };
}

/** Nova and Cinder wrap the fault in one key named after it. */
function fromFaultWrapper(body: Json): ErrorBody | undefined {
  const keys = Object.keys(body);
  if (keys.length !== 1) return undefined;
  const name = keys[0] as string;
  const fault = body[name];
  if (!isObject(fault)) return undefined;
  return { code: name, message: text(fault.message) ?? text(fault.explanation) };
}

function fromPlain(body: Json): ErrorBody | undefined {
  const message = text(body.message) ?? text(body.detail) ?? text(body.title);
  return message === undefined ? undefined : { code: text(body.title), message };
}

export function parseErrorBody(raw: string): ErrorBody {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    // An HTML or text page from a proxy: keep its first line, without markup.
    const line = raw
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return { code: undefined, message: line === '' ? undefined : line.slice(0, 300) };
  }
  if (!isObject(body)) return { code: undefined, message: undefined };
  return (
    fromMagnum(body) ??
    fromNeutron(body) ??
    fromOctavia(body) ??
    fromKeystone(body) ??
    fromFaultWrapper(body) ??
    fromPlain(body) ?? { code: undefined, message: undefined }
  );
}
