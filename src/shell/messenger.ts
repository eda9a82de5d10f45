import { type Delivery, type Messenger, noticesOf, type SendOutcome } from "../core/ports/index.js";
import { renderNotices, shellStyle } from "../text/index.js";

/**
 * The shell's Messenger: prints each message as its recipient would see it. A pair message
 * is shown once per person, each with times in their own zone; notices due together for one
 * person are one message.
 */
export class ShellMessenger implements Messenger {
  /** Every delivery so far, for tests and the demo's summary. */
  readonly sent: Delivery[] = [];
  constructor(private readonly write: (text: string) => void) {}

  async send(d: Delivery): Promise<SendOutcome> {
    this.sent.push(d);
    for (const reader of d.to) {
      const text = renderNotices(noticesOf(d), reader, shellStyle).replace(/\n/g, "\n   ");
      this.write(`  ✉  to ${reader.displayName}${d.to.length > 1 ? " (shared conversation)" : ""}:\n   ${text}`);
    }
    return { ok: true };
  }
}
