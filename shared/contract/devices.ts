// The desk contract's devices area (serial timing devices and their passings, issue #4).
// desk.ts joins it into DeskRequests and DeskEvents.

export type DeviceRequests = Record<never, never>;
export type DeviceRequestName = keyof DeviceRequests;

export type DeviceEvents = Record<never, never>;

export const deviceRequestNames =
  [] as const satisfies readonly (keyof DeviceRequests)[];

export const deviceEventNames =
  [] as const satisfies readonly (keyof DeviceEvents)[];
