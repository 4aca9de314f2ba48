// The desk contract's exports area (lists with a purpose and the export log, issue #5).
// desk.ts joins it into DeskRequests and DeskEvents.

export type ExportRequests = Record<never, never>;
export type ExportRequestName = keyof ExportRequests;

export type ExportEvents = Record<never, never>;

export const exportRequestNames =
  [] as const satisfies readonly (keyof ExportRequests)[];

export const exportEventNames =
  [] as const satisfies readonly (keyof ExportEvents)[];
