/**
 * Fetches the tiny model's ONNX file with progress and checks it against the manifest: its
 * size and its sha256, so a stale or damaged file never runs under the manifest's name.
 */

/** Hex of a SHA-256 digest. */
function hex(digest: ArrayBuffer): string {
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The file's bytes, after reporting each chunk's arrival (`fetched` of `total` bytes).
 * @throws Error naming the HTTP status, a short file or a hash that differs from the manifest's
 */
export async function fetchModelBytes(
  url: string,
  expected: { bytes: number; sha256: string },
  progress: (fetched: number, total: number) => void,
  fetchFn: typeof fetch = fetch,
): Promise<Uint8Array> {
  const response = await fetchFn(url);
  if (!response.ok) {
    throw new Error(`fetching ${url} gave HTTP ${String(response.status)}`);
  }
  const total = expected.bytes;
  const bytes = new Uint8Array(total);
  let fetched = 0;
  const reader = response.body?.getReader();
  if (!reader) throw new Error(`fetching ${url} gave no body`);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (fetched + value.length > total) {
      throw new Error(`${url} is larger than the manifest's ${String(total)} bytes`);
    }
    bytes.set(value, fetched);
    fetched += value.length;
    progress(fetched, total);
  }
  if (fetched !== total) {
    throw new Error(
      `${url} has ${String(fetched)} bytes, the manifest says ${String(total)}: the download was cut short or the file changed`,
    );
  }
  const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
  if (sha256 !== expected.sha256) {
    throw new Error(
      `${url} has sha256 ${sha256.slice(0, 12)}…, the manifest says ${expected.sha256.slice(0, 12)}…: the file is not the model the manifest describes`,
    );
  }
  return bytes;
}
