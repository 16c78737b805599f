/**
 * The SDK streams some uploads as `aws-chunked`: `<hex size>;chunk-signature=…\r\n<data>\r\n` …
 * `0;…\r\n<trailers>\r\n\r\n`. Returns the payload without the framing.
 */
export function decodeAwsChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < body.length) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = Number.parseInt(body.subarray(offset, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size === 0) break;
    const start = lineEnd + 2;
    parts.push(body.subarray(start, start + size));
    offset = start + size + 2;
  }
  return Buffer.concat(parts);
}

export function isAwsChunked(headers: Readonly<Record<string, string | string[] | undefined>>): boolean {
  const encoding = String(headers['content-encoding'] ?? '');
  const payloadHash = String(headers['x-amz-content-sha256'] ?? '');
  return encoding.includes('aws-chunked') || payloadHash.startsWith('STREAMING-');
}
