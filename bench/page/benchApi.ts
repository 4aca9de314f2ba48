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

/** Issue #3's first download of a central event to this desk. */
export type DownloadFigures = ImportStep & {
  /** store.sync.login: the organizer's session and event list. */
  loginMs: number;
  /** Pull pages' fetch and body read, summed (the network's share). */
  pullNetworkMs: number;
  /** Login to the first pull page asked (register, the stream's size). */
  beforePullMs: number;
  pages: number;
  /** Login to the last page stored (register, pages, storing). */
  pulledMs: number;
  /**
   * Storing the pages: each page's time from when it was both fetched
   * and the page before stored, to its own documents stored. Pages are
   * fetched one ahead, so the network's share overlaps it.
   */
  storingMs: number;
  /** The last page stored to connect resolving (opening the event). */
  openMs: number;
  documents: number;
  /** Participants the floor saw that the opened event lacks. */
  missing: number;
  query: string;
  /** The search for `query` found that participant. */
  found: boolean;
};

/** The same pull pages fetched and parsed in the page, nothing stored. */
export type PullFloorFigures = ImportStep & {
  pages: number;
  bytes: number;
  /** The participants' ids, to check the download against. */
  ids: string[];
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
  /**
   * Fetches every pull page of a central event; keeps only the ids. With
   * `store`, puts each page in raw IndexedDB too (the floor database).
   */
  pullFloor(
    url: string,
    login: string,
    password: string,
    eventId: string,
    store: boolean,
  ): Promise<Omit<PullFloorFigures, 'ids'> & { participants: number }>;
  /** Downloads a central event into the store; checks the floor's ids. */
  download(
    url: string,
    login: string,
    password: string,
    eventId: string,
  ): Promise<DownloadFigures>;
  close(): Promise<void>;
};

declare global {
  // biome-ignore lint/style/useConsistentTypeDefinitions: only an interface merges into Window.
  interface Window {
    bench: BenchApi;
    benchOpen?: OpenFigures | FloorOpenFigures;
  }
}
