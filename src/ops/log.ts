import { Writable } from "node:stream";
import pino from "pino";
import type { Config } from "../config.js";
import type { Logger } from "../core/ports/index.js";

/** Structured fields that hold secrets wherever they appear: pino replaces their values. */
export const REDACT_PATHS = [
  "token",
  "*.token",
  "botToken",
  "appToken",
  "signingSecret",
  "clientSecret",
  "stateSecret",
  "refreshToken",
  "*.refreshToken",
  "password",
  "*.password",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "*.headers.Authorization",
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_CLIENT_SECRET",
  "SLACK_STATE_SECRET",
  "SECRETS_KEY",
  "DISCORD_TOKEN",
  "DATABASE_URL",
  "*.DATABASE_URL",
];

/** The secret values in the configuration (tokens, the signing secret, the database password). */
export function secretsOf(config: Config): string[] {
  const out = [config.SLACK_BOT_TOKEN, config.SLACK_APP_TOKEN, config.SLACK_SIGNING_SECRET, config.DISCORD_TOKEN];
  out.push(config.SLACK_CLIENT_SECRET, config.SLACK_STATE_SECRET, ...(config.SECRETS_KEY?.split(",").map((k) => k.trim()) ?? []));
  if (/^postgres(ql)?:\/\//.test(config.DATABASE_URL)) {
    const password = decodeURIComponent(new URL(config.DATABASE_URL).password);
    if (password) out.push(password, new URL(config.DATABASE_URL).password);
  }
  // Very short values would blank ordinary words; tokens are long.
  return [...new Set(out.filter((s): s is string => typeof s === "string" && s.length >= 6))];
}

const sinks = new WeakMap<NodeJS.WritableStream, { gone: boolean }>();

/**
 * The log output's state, watched once per stream. When whatever reads the logs goes away (a
 * closed pipe: EPIPE), the bot keeps serving and stops logging. Without this listener the write
 * error is an uncaught exception, which the process guard logs, which fails again: a loop that
 * burns the CPU and starves the SIGTERM handler.
 */
function sinkOf(out: NodeJS.WritableStream): { gone: boolean } {
  let sink = sinks.get(out);
  if (!sink) {
    const state = { gone: false };
    out.on("error", () => {
      state.gone = true;
    });
    sinks.set(out, state);
    sink = state;
  }
  return sink;
}

/**
 * JSON logs on stderr that never carry a secret: known secret fields are redacted by pino, and
 * every line is scrubbed of the configured secret values wherever they hide (an SDK's message,
 * a URL, an error's text), replaced by "[redacted]".
 */
export function makeSafeLogger(level: string, secrets: readonly string[], out: NodeJS.WritableStream = process.stderr): Logger {
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = secrets.length ? new RegExp(secrets.map(literal).join("|"), "g") : null;
  const sink = sinkOf(out);
  const scrubbed = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      const text = chunk.toString();
      if (!sink.gone) out.write(pattern ? text.replace(pattern, "[redacted]") : text);
      done();
    },
  });
  return pino({ level, base: undefined, redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, scrubbed);
}
