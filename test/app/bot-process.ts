import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Compiles the bot into dist/ exactly as `npm run build` does (what `npm start` runs). */
export function buildOnce(): void {
  execFileSync(
    process.execPath,
    [fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url)), "-p", "tsconfig.build.json"],
    {
      cwd: ROOT,
      stdio: "pipe",
    },
  );
}

/** A bot started as `node dist/main.js`, leading its own process group (like a terminal or systemd would). */
export interface BotProcess {
  child: ChildProcess;
  /** Resolves when it logged that it is running. */
  ready: Promise<void>;
  /** Resolves with the exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Signals the whole process group. */
  signalGroup(signal: NodeJS.Signals): void;
  log(): string;
}

export function startBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ["dist/main.js"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let err = "";
  let onReady: () => void = () => {};
  let onFail: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    onFail = reject;
  });
  child.stderr?.on("data", (c: Buffer) => {
    err += c.toString();
    if (err.includes("Percolate is running")) onReady();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => {
      onFail(new Error(`bot exited before it was ready (${code ?? signal}):\n${err}`));
      resolve({ code, signal });
    });
  });
  return {
    child,
    ready,
    exited,
    signalGroup: (signal) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    },
    log: () => err,
  };
}
