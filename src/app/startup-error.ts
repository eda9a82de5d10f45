import { redact } from "../store/url.js";

/** Startup failures of the listening socket, by code: the variable to change and how. */
const LISTEN: Record<string, string> = {
  EADDRINUSE: "is already in use by another program; set PORT to a free port",
  EACCES: "needs privileges this process lacks; set PORT to 1024 or above",
};

/**
 * Why the process could not start, as the one line an operator acts on: it names the
 * variable to change where it is known, hides credentials in any URL the message repeats, and
 * never spans lines (no stack).
 */
export function startupErrorLine(e: unknown, env: Record<string, string | undefined>): string {
  const err = e as { code?: unknown; syscall?: unknown; port?: unknown } | null;
  const code = typeof err?.code === "string" ? err.code : undefined;
  if (code && err?.syscall === "listen" && LISTEN[code]) return `PORT: ${String(err.port ?? env.PORT ?? "")} ${LISTEN[code]} (${code}).`;
  let message = e instanceof Error ? e.message : String(e);
  for (const url of Object.values(env).filter((v): v is string => typeof v === "string" && /^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(v)))
    message = message.split(url).join(redact(url));
  message = message.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*:[^\s/@]*@/gi, "$1***@");
  return message.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
