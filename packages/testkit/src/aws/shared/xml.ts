import type { FakeResponse } from '../../framework/http-service.js';

/** A list whose item element is named explicitly, or `null` for a flattened list (S3 `<Contents>`). */
export class XmlList {
  constructor(
    readonly items: readonly XmlValue[],
    readonly itemName: string | null,
  ) {}
}

/** What the renderer accepts: scalars, dates (ISO 8601), nested elements, and lists. */
export type XmlValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | XmlList
  | readonly XmlValue[]
  | { readonly [element: string]: XmlValue };

export interface XmlOptions {
  /** Element wrapping each item of a plain array: `member` for IAM/STS, `item` for EC2. */
  listItem: string;
}

const DEFAULT_OPTIONS: XmlOptions = { listItem: 'member' };

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Renders `value` as the content of `<name>`; null and undefined render nothing (the element is absent). */
export function renderXmlElement(
  name: string,
  value: XmlValue,
  options: XmlOptions = DEFAULT_OPTIONS,
): string {
  if (value === null || value === undefined) return '';
  if (value instanceof XmlList) {
    if (value.itemName === null)
      return value.items.map((item) => renderXmlElement(name, item, options)).join('');
    const itemName = value.itemName;
    return `<${name}>${value.items.map((item) => renderXmlElement(itemName, item, options)).join('')}</${name}>`;
  }
  if (Array.isArray(value)) {
    return `<${name}>${value.map((item: XmlValue) => renderXmlElement(options.listItem, item, options)).join('')}</${name}>`;
  }
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object')
    return `<${name}>${renderXmlChildren(value as Record<string, XmlValue>, options)}</${name}>`;
  return `<${name}>${xmlEscape(String(value))}</${name}>`;
}

export function renderXmlChildren(
  children: Readonly<Record<string, XmlValue>>,
  options: XmlOptions = DEFAULT_OPTIONS,
): string {
  return Object.entries(children)
    .map(([name, value]) => renderXmlElement(name, value, options))
    .join('');
}

/** A whole document: declaration, then `<root xmlns="namespace">children</root>`. */
export function renderXmlDocument(
  root: string,
  namespace: string | undefined,
  children: Readonly<Record<string, XmlValue>>,
  options: XmlOptions = DEFAULT_OPTIONS,
): string {
  const xmlns = namespace ? ` xmlns="${xmlEscape(namespace)}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${xmlns}>${renderXmlChildren(children, options)}</${root}>`;
}

export function xmlResponse(body: string, requestId: string, status = 200): FakeResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

/**
 * The awsQuery success shape (IAM, STS): `<ActionResponse><ActionResult>…</ActionResult>
 * <ResponseMetadata><RequestId/></ResponseMetadata></ActionResponse>`. Actions that return nothing
 * (DeleteRole) have no Result element.
 */
export function awsQueryResponse(input: {
  action: string;
  namespace: string;
  requestId: string;
  result?: Readonly<Record<string, XmlValue>>;
}): FakeResponse {
  const children: Record<string, XmlValue> = {};
  if (input.result) children[`${input.action}Result`] = input.result;
  children.ResponseMetadata = { RequestId: input.requestId };
  return xmlResponse(
    renderXmlDocument(`${input.action}Response`, input.namespace, children),
    input.requestId,
  );
}
