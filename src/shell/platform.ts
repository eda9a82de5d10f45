import type { Clock } from "../core/ports/index.js";

/** The shell's one community and how its member ids are spelled: `shell:local:alice`. */
export const SHELL_COMMUNITY = "shell:local";
export const memberId = (name: string): string => `${SHELL_COMMUNITY}:${name.toLowerCase()}`;
export const memberName = (id: string): string => id.slice(SHELL_COMMUNITY.length + 1);

/** A clock the person at the terminal can move forward (`clock +3d`) to see due nudges. */
export class ShiftableClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: () => number = Date.now) {}
  now(): Date {
    return new Date(this.base() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
