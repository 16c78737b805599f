import type { FakeResponse } from '../../framework/http-service.js';
import { renderXmlDocument, type XmlOptions, type XmlValue, xmlResponse } from '../shared/xml.js';
import type { Tags } from './ec2-state.js';

/** EC2's XML: camelCase elements and every list as `<item>` children. */
export const EC2_XML_OPTIONS: XmlOptions = { listItem: 'item' };
export const EC2_XML_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** The elements of a response, inside `<ActionResponse>` after `<requestId>`. */
export type Ec2ResponseFields = Readonly<Record<string, XmlValue>>;

/** `<ActionResponse xmlns=…><requestId>…</requestId>…</ActionResponse>` */
export function ec2Response(action: string, requestId: string, fields: Ec2ResponseFields): FakeResponse {
  const body = renderXmlDocument(
    `${action}Response`,
    EC2_XML_NAMESPACE,
    { requestId, ...fields },
    EC2_XML_OPTIONS,
  );
  return xmlResponse(body, requestId);
}

/** `<tagSet><item><key/><value/></item></tagSet>` */
export function tagSet(tags: Tags): XmlValue[] {
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
}

export function xmlTime(epochMs: number): Date {
  return new Date(epochMs);
}
