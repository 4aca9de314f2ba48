// The desk contract's results area (result lists handed on: files, the display
// board, the printer; issue #4). desk.ts joins it into DeskRequests and DeskEvents.

export type ResultRequests = Record<never, never>;
export type ResultRequestName = keyof ResultRequests;

export type ResultEvents = Record<never, never>;

export const resultRequestNames =
  [] as const satisfies readonly (keyof ResultRequests)[];

export const resultEventNames =
  [] as const satisfies readonly (keyof ResultEvents)[];
