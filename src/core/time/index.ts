export * from "./windows.js";
export {
  CELL_MINUTES,
  type Grid,
  makeGrid,
  freeMask,
  busyMask,
  testBit,
  and,
  andNot,
  popcount,
  sharedFreeHours,
} from "./availability-mask.js";
export { type Party, type ProposeSlotsInput, type IsSlotFreeInput, proposeSlots, isSlotFree } from "./slots.js";
export * from "./format.js";
export * from "./invite.js";
export * from "./local-hours.js";
export * from "./day-words.js";
export * from "./zone-names.js";
export * from "./window-edit.js";
