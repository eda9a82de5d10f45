import { describe, expect, it } from "vitest";
import type { FailureCode } from "../../src/core/commands/index.js";
import { renderFailure, shellStyle } from "../../src/text/index.js";

/**
 * Every failure code a reply can carry is worded in src/text/failures.ts, and the typecheck
 * holds that promise: a reply whose codes widen to `string` would let any code through.
 */
describe("failure codes", () => {
  it("are a closed set the typecheck enforces, each worded with a next step", () => {
    // @ts-expect-error a code no use case returns is not a FailureCode
    const made: FailureCode = "MADE_UP_CODE";
    expect(renderFailure(made, undefined, shellStyle)).toContain('Type "help"');
    const known: FailureCode[] = ["NOT_BLOCKED", "NOT_VOLUNTEERING", "UNKNOWN_MEMBER", "NO_CHANNEL", "POST_FAILED"];
    for (const code of known)
      expect(renderFailure(code, { given: "pia", error: "not_in_channel" }, shellStyle)).not.toMatch(/didn't work \(/);
  });
});
