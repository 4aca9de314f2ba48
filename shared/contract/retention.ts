// The desk contract's retention area (issue #5, "Retention"): when an
// event's data leaves the desk, the renderer deletes its documents from
// the database and asks the process around it to delete the files it made
// for the event: the lists it exported (found through the export log), and
// the raw captures and passing journal when no other event is on the desk
// (they are not kept per event). The export log keeps its entries, marked
// purged: they hold who, when, which list, which fields and how many, no
// participant's data. desk.ts joins it into DeskRequests and DeskEvents.

export type PurgeFilesArgs = {
  eventId: string;
  /**
   * No other event is on the desk, so the captures and the passing
   * journal, which hold every event's passings together, go too.
   */
  deviceData: boolean;
};

export type PurgedFiles = {
  /**
   * Exported lists deleted: bare names from the data folder's exports/,
   * full paths of lists the save dialog put elsewhere.
   */
  exports: string[];
  /** Lists the log names for the event that were gone already. */
  notFound: string[];
  /**
   * Paths the log names that were left alone: not a regular .xlsx, .pdf,
   * .xml or .csv file (a folder, a link, another kind of file). Absent when
   * none.
   */
  refused?: string[];
  /** Export log entries of the event, now marked purged. */
  logEntries: number;
  /** Raw capture files deleted (0 when device data was kept). */
  captures: number;
  /** Passings removed from the journal (0 when device data was kept). */
  journalPassings: number;
  /** Device data stayed because another event is on the desk. */
  deviceDataKept: boolean;
};

export type RetentionRequests = {
  'retention:purge-files': { args: PurgeFilesArgs; result: PurgedFiles };
};
export type RetentionRequestName = keyof RetentionRequests;

export type RetentionEvents = Record<never, never>;

export const retentionRequestNames = [
  'retention:purge-files',
] as const satisfies readonly RetentionRequestName[];

export const retentionEventNames =
  [] as const satisfies readonly (keyof RetentionEvents)[];

/** The host's limit; the client waits a little longer. */
export const retentionRequestLimitsMs = {
  'retention:purge-files': 60_000,
} satisfies Record<RetentionRequestName, number>;
