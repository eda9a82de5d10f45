import type { ServerResponse } from "node:http";
import { type HTTPReceiverOptions, HTTPModuleFunctions } from "@slack/bolt";
import type { Logger } from "../../core/ports/index.js";
import { renderNotInstalled } from "../../text/index.js";
import { postJson } from "../post-json.js";

type ErrorHandler = NonNullable<HTTPReceiverOptions["processEventErrorHandler"]>;

/** The response_url a slash command or a click carries, and which of the two it was; null for events. */
function responseUrlOf(raw: string, contentType: string | undefined): { kind: "command" | "interactive"; url: string } | null {
  if (!contentType?.includes("application/x-www-form-urlencoded")) return null;
  const form = new URLSearchParams(raw);
  const payload = form.get("payload");
  if (payload === null) {
    const url = form.get("response_url");
    return url ? { kind: "command", url } : null;
  }
  try {
    const p = JSON.parse(payload) as { response_url?: unknown; response_urls?: { response_url?: unknown }[] };
    const url = typeof p.response_url === "string" ? p.response_url : p.response_urls?.[0]?.response_url;
    return typeof url === "string" ? { kind: "interactive", url } : null;
  } catch {
    return null;
  }
}

const ok = (res: ServerResponse, body?: object): void => {
  if (res.headersSent) return;
  if (body) res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  else res.writeHead(200).end();
};

/**
 * What a person sees when their workspace has no installation (Bolt could not authorize the
 * request): a slash command's ack is the "reinstall" answer, a click gets it through its
 * response_url, and an event is acked so Slack does not retry it. Other errors are Bolt's.
 */
export function notInstalledHandler(installUrl: string | undefined, log: Logger): ErrorHandler {
  return async (args) => {
    if (!(args.error instanceof Error && "code" in args.error && args.error.code === "slack_bolt_authorization_error"))
      return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
    const raw = (args.request as { rawBody?: Buffer }).rawBody?.toString("utf8") ?? "";
    const where = responseUrlOf(raw, args.request.headers["content-type"]);
    log.warn({ kind: where?.kind ?? "event" }, "slack request from a workspace with no installation");
    const text = renderNotInstalled(installUrl);
    if (where?.kind === "command") ok(args.response, { response_type: "ephemeral", text });
    else {
      // Posted before the ack (quickly, within Slack's 3 s), so the answer is there when the click returns.
      if (where) await postJson(where.url, { response_type: "ephemeral", replace_original: false, text }, 2_000).catch(() => 0);
      ok(args.response);
    }
    return true;
  };
}
