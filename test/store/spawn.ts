import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A child process running a TypeScript worker from this folder through tsx. */
export interface Worker {
  /** Resolves when the worker printed "ready". */
  ready: Promise<void>;
  /** Sends the start line. */
  go(): void;
  /** The worker's last output line, once it exited with code 0. */
  result: Promise<string>;
}

/** Starts `test/store/<script>` with arguments; stdout lines drive `ready` and `result`. */
export function startWorker(script: string, args: readonly string[]): Worker {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", file, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (out.split("\n").includes("ready")) onReady();
  });
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const result = new Promise<string>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const lines = out.trim().split("\n");
      if (code === 0) resolve(lines[lines.length - 1] ?? "");
      else reject(new Error(`${script} exited with ${code}:\n${err}\n${out}`));
    });
  });
  // A worker that dies before "ready" must not leave the test waiting forever.
  void result.catch(() => onReady());
  return { ready, go: () => child.stdin.write("go\n"), result };
}
