import { Writable } from "node:stream";

/** GET a path on 127.0.0.1:port: status, content type and body text. */
export async function get(port: number | null, path: string): Promise<{ status: number; type: string; body: string }> {
  if (port === null) throw new Error("no port to ask");
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text() };
}

/** The value of one sample in Prometheus text (0 when the series is absent). */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2] ?? "";
    if (want.every((w) => have.includes(w))) return Number(m[3]);
  }
  return 0;
}

/** A stream that keeps everything written to it (a logger's output), with a wait for a line. */
export class Captured extends Writable {
  text = "";
  private waiters: { test: RegExp; resolve: () => void }[] = [];
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    const met = this.waiters.filter((w) => w.test.test(this.text));
    this.waiters = this.waiters.filter((w) => !met.includes(w));
    for (const w of met) w.resolve();
    done();
  }
  /** Resolves when the captured text matches `test`. */
  until(test: RegExp): Promise<void> {
    if (test.test(this.text)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
}
