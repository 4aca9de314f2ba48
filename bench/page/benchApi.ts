// What the bench page offers the runner through page.evaluate. Each call
// times one step inside the page, so the figures exclude Playwright's own
// round trips.

export type ImportStep = { ms: number };

export type PreviewStep = ImportStep & {
  participants: number;
  problems: number;
};

export type CommitStep = ImportStep & { eventId: string };

export type KeystrokeFigures = {
  queries: number;
  /** What the search saw at each keystroke, in the order of the timings. */
  typed: string[];
  store: number[];
  floor: number[];
  /** Matches the store returned for each finished query: never all zero. */
  hits: number[];
};

export type CheckInFigures = { store: number[]; floor: number[] };

/** Milliseconds since navigation start, as the page reached each point. */
export type OpenFigures = {
  scriptMs: number;
  storeMs: number;
  openMs: number;
  firstResultMs: number;
  hits: number;
  error: string;
};

export type FloorOpenFigures = {
  scriptMs: number;
  readMs: number;
  count: number;
};

export type BenchApi = {
  loadTable(url: string): Promise<ImportStep & { rows: number }>;
  /** foldSheet alone; preview runs it again as its first part. */
  fold(): Promise<ImportStep & { participants: number }>;
  /** `key` (base64) seals personal fields, as the desk does. */
  createStore(dbName: string, key?: string): Promise<ImportStep>;
  preview(eventName: string): Promise<PreviewStep>;
  commit(): Promise<CommitStep>;
  /** The desk opens the event it just imported. */
  openEvent(eventId: string): Promise<ImportStep>;
  floorBulkPut(): Promise<ImportStep>;
  typeQueries(count: number, seed: number): Promise<KeystrokeFigures>;
  checkIns(count: number, seed: number): Promise<CheckInFigures>;
  close(): Promise<void>;
};

declare global {
  // biome-ignore lint/style/useConsistentTypeDefinitions: only an interface merges into Window.
  interface Window {
    bench: BenchApi;
    benchOpen?: OpenFigures | FloorOpenFigures;
  }
}
