import { XMLParser } from 'fast-xml-parser';
import type { FakeResponse } from '../../framework/http-service.js';
import { renderXmlDocument, type XmlValue, xmlEscape } from '../shared/xml.js';
import { S3_ERRORS, s3Headers } from './s3-errors.js';

export const S3_XML_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** Elements that may repeat in the request bodies the fake reads, so they always parse as arrays. */
const REPEATED = new Set(['Tag', 'Rule', 'Object']);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  removeNSPrefix: true,
  isArray: (name) => REPEATED.has(name),
});

export type XmlNode = { readonly [element: string]: unknown };

/** The root element's content of a request body, or MalformedXML. */
export function parseXmlBody(body: string, root: string): XmlNode {
  let parsed: unknown;
  try {
    parsed = parser.parse(body, true);
  } catch {
    throw S3_ERRORS.malformedXml();
  }
  const content = (parsed as XmlNode | undefined)?.[root];
  if (content === undefined) throw S3_ERRORS.malformedXml();
  return typeof content === 'object' && content !== null ? (content as XmlNode) : {};
}

export function textOf(node: XmlNode, element: string): string | undefined {
  const value = node[element];
  return typeof value === 'string' ? value : undefined;
}

export function nodesOf(node: XmlNode, element: string): XmlNode[] {
  const value = node[element];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) => (typeof item === 'object' && item !== null ? (item as XmlNode) : {}));
}

export function childOf(node: XmlNode, element: string): XmlNode {
  return nodesOf(node, element)[0] ?? {};
}

export function xmlDocument(
  root: string,
  children: Readonly<Record<string, XmlValue>>,
  requestId: string,
  status = 200,
): FakeResponse {
  return {
    status,
    headers: { ...s3Headers(requestId), 'content-type': 'application/xml' },
    body: renderXmlDocument(root, S3_XML_NAMESPACE, children),
  };
}

/** A document whose root holds only text, e.g. `<LocationConstraint>us-west-2</LocationConstraint>`. */
export function xmlTextDocument(root: string, text: string, requestId: string): FakeResponse {
  return {
    status: 200,
    headers: { ...s3Headers(requestId), 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_XML_NAMESPACE}">${xmlEscape(text)}</${root}>`,
  };
}

export function emptyResponse(
  requestId: string,
  status = 204,
  headers: Record<string, string> = {},
): FakeResponse {
  return { status, headers: { ...s3Headers(requestId), ...headers } };
}
