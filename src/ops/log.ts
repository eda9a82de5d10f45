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
  "DISCORD_TOKEN",
  "DATABASE_URL",
  "*.DATABASE_URL",
];

/** The secret values in the configuration (tokens, the signing secret, the database password). */
export function secretsOf(config: Config): string[] {
  const out = [config.SLACK_BOT_TOKEN, config.SLACK_APP_TOKEN, config.SLACK_SIGNING_SECRET, config.DISCORD_TOKEN];
  if (/^postgres(ql)?:\/\//.test(config.DATABASE_URL)) {
    const password = decodeURIComponent(new URL(config.DATABASE_URL).password);
    if (password) out.push(password, new URL(config.DATABASE_URL).password);
  }
  // Very short values would blank ordinary words; tokens are long.
  return [...new Set(out.filter((s): s is string => typeof s === "string" && s.length >= 6))];
}

/**
 * JSON logs on stderr that never carry a secret: known secret fields are redacted by pino, and
 * every line is scrubbed of the configured secret values wherever they hide (an SDK's message,
 * a URL, an error's text), replaced by "[redacted]".
 */
export function makeSafeLogger(level: string, secrets: readonly string[], out: NodeJS.WritableStream = process.stderr): Logger {
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = secrets.length ? new RegExp(secrets.map(literal).join("|"), "g") : null;
  const scrubbed = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      const text = chunk.toString();
      out.write(pattern ? text.replace(pattern, "[redacted]") : text);
      done();
    },
  });
  return pino({ level, base: undefined, redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, scrubbed);
}
