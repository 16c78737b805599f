export { accessKeyIdOf, signingRegionOf } from './aws-credentials.js';
export {
  AwsServiceError,
  awsQueryErrorResponse,
  ec2ErrorResponse,
  restJsonErrorResponse,
} from './aws-errors.js';
export type { AwsFaultTable, RenderedFaultKind } from './aws-faults.js';
export { faultError } from './aws-faults.js';
export type { IdAlphabet } from './aws-ids.js';
export { awsRequestId, DEFAULT_ACCOUNT_ID, DEFAULT_REGION, randomId } from './aws-ids.js';
export type { QueryRequest } from './query-params.js';
export { memberList, parseQueryRequest, stringList } from './query-params.js';
export type { XmlOptions, XmlValue } from './xml.js';
export {
  awsQueryResponse,
  renderXmlChildren,
  renderXmlDocument,
  renderXmlElement,
  XmlList,
  xmlEscape,
  xmlResponse,
} from './xml.js';
