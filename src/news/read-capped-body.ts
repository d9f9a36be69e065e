/**
 * Reads a response body into one buffer, stopping as soon as it grows past `maxBytes`: a runaway or
 * hostile server costs at most the cap in memory, never the whole body. Counts decoded bytes (fetch
 * undoes gzip and brotli), so a compression bomb is capped too.
 *
 * @returns the bytes, or null when the body is larger than the cap (the stream is cancelled).
 * @throws whatever the stream throws, e.g. the abort reason when the request's signal fires mid-body.
 */
export async function readCappedBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
