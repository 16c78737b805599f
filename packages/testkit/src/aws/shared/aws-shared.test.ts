import { describe, expect, it } from 'vitest';
import type { FakeRequest } from '../../framework/http-service.js';
import { paginate } from '../../framework/pagination.js';
import { matchRestRoute } from '../../framework/rest-router.js';
import {
  AwsServiceError,
  accessKeyIdOf,
  awsQueryErrorResponse,
  awsQueryResponse,
  memberList,
  parseQueryRequest,
  renderXmlDocument,
  restJsonErrorResponse,
  stringList,
  XmlList,
} from './index.js';

const request = (overrides: Partial<FakeRequest>): FakeRequest => ({
  method: 'POST',
  path: '/',
  query: new URLSearchParams(),
  headers: {},
  body: '',
  ...overrides,
});

describe('shared AWS helpers', () => {
  it('reads query-protocol parameters and their flattened lists', () => {
    const parsed = parseQueryRequest(
      request({
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: 'Action=TagRole&Version=2010-05-08&Tags.member.2.Key=b&Tags.member.1.Key=a&Tags.member.1.Value=1&Tags.member.2.Value=2&TagKeys.member.1=x',
      }),
    );
    expect(parsed.action).toBe('TagRole');
    expect(memberList(parsed.params, 'Tags.member')).toEqual([
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '2' },
    ]);
    expect(stringList(parsed.params, 'TagKeys.member')).toEqual(['x']);
    const ec2 = { 'Filter.1.Name': 'tag:owner', 'Filter.1.Value.1': 'hubfleet', 'Filter.1.Value.2': 'other' };
    const [filter] = memberList(ec2, 'Filter');
    expect(filter && stringList(filter, 'Value')).toEqual(['hubfleet', 'other']);
  });

  it('renders XML with member lists, explicit item names, flattened lists and escaping', () => {
    const xml = renderXmlDocument('R', 'urn:x', {
      Tags: [{ Key: 'a&b', Value: '<v>' }],
      tagSet: new XmlList([{ key: 'k' }], 'item'),
      Contents: new XmlList([{ Key: 'one' }, { Key: 'two' }], null),
      Absent: undefined,
      When: new Date(0),
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<R xmlns="urn:x"><Tags><member><Key>a&amp;b</Key><Value>&lt;v&gt;</Value></member></Tags>' +
        '<tagSet><item><key>k</key></item></tagSet><Contents><Key>one</Key></Contents><Contents><Key>two</Key></Contents>' +
        '<When>1970-01-01T00:00:00.000Z</When></R>',
    );
    const response = awsQueryResponse({ action: 'DeleteRole', namespace: 'urn:x', requestId: 'id-1' });
    expect(response.body).toContain(
      '<DeleteRoleResponse xmlns="urn:x"><ResponseMetadata><RequestId>id-1</RequestId>',
    );
  });

  it('renders one error per protocol', () => {
    const error = new AwsServiceError('ResourceNotFoundException', 404, 'No cluster found for name: x.', {
      clusterName: 'x',
    });
    const json = restJsonErrorResponse(error, 'id-1');
    expect(json.headers?.['x-amzn-errortype']).toBe('ResourceNotFoundException');
    expect(JSON.parse(json.body ?? '')).toEqual({
      message: 'No cluster found for name: x.',
      clusterName: 'x',
    });
    const xml = awsQueryErrorResponse(new AwsServiceError('ServiceFailure', 500, 'boom'), 'urn:x', 'id-2');
    expect(xml.body).toContain(
      '<Error><Type>Receiver</Type><Code>ServiceFailure</Code><Message>boom</Message></Error>',
    );
  });

  it('matches rest routes with percent-encoded and greedy labels', () => {
    const routes = [
      { method: 'GET', path: '/tags/{resourceArn}', target: 'tags' },
      { method: 'GET', path: '/{Bucket}/{Key+}', target: 'object' },
    ];
    expect(matchRestRoute(routes, 'GET', '/tags/arn%3Aaws%3Aeks%3Aus-east-1%3A1%3Acluster%2Fx')).toEqual({
      target: 'tags',
      labels: { resourceArn: 'arn:aws:eks:us-east-1:1:cluster/x' },
    });
    expect(matchRestRoute(routes, 'GET', '/bucket/a/b%20c')?.labels).toEqual({
      Bucket: 'bucket',
      Key: 'a/b c',
    });
    expect(matchRestRoute(routes, 'POST', '/tags/x')).toBeUndefined();
  });

  it('pages listings with opaque tokens and reads the signing key id', () => {
    const first = paginate(['a', 'b', 'c'], 2, undefined);
    expect(first.items).toEqual(['a', 'b']);
    expect(paginate(['a', 'b', 'c'], 2, first.nextToken)).toEqual({ items: ['c'], nextToken: undefined });
    const signed = request({
      headers: {
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=x',
      },
    });
    expect(accessKeyIdOf(signed)).toBe('AKID');
    expect(
      accessKeyIdOf(
        request({
          query: new URLSearchParams({ 'X-Amz-Credential': 'AKID2/20260101/us-east-1/sts/aws4_request' }),
        }),
      ),
    ).toBe('AKID2');
  });
});
