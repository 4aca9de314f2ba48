// The bench page's side of the runner: the desk's real store on a real
// IndexedDB, each step timed in the page, each beside its floor.

import { importDataKey } from '../../renderer/db/sealing';
import {
  createDeskStore,
  type RxDeskStore,
} from '../../renderer/store/createDeskStore';
import type { Result } from '../../shared/contract/result';
import type { Participant } from '../../shared/domain/participant';
import { foldSheet } from '../../shared/isonen/fold';
import type { ImportPreview } from '../../shared/isonen/preview';
import type { SheetTable } from '../../shared/isonen/sheet';
import type { BenchApi, CheckInFigures, KeystrokeFigures } from './benchApi';
import { download, pullFloor } from './download';
import { benchEventKeys } from './eventKeys';
import { bulkPut, openFloorDb, scanFloor, strictPut } from './floors';
import { keystrokes, type Person, seededRandom, typedQueries } from './queries';

export const floorDbName = 'bench-floor';

/** The desk's own default: the list shows the first 50 matches. */
const searchLimit = 50;

type BenchPerson = Person & { id: string; status: string };

const benchPerson = (p: Participant): BenchPerson => ({
  id: p.id,
  status: p.status,
  firstName: p.firstName,
  lastName: p.lastName,
  club: p.club,
  bib: p.bib,
  birthDate: p.birthDate,
});

const timed = async <T>(work: () => Promise<T> | T) => {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
};

const unwrap = <T>(result: Result<T>, step: string): T => {
  if (result.ok) return result.value;
  throw new Error(`${step}: ${result.error.code} ${result.error.message}`);
};

const required = <T>(value: T | null, what: string): T => {
  if (value === null) throw new Error(`${what} is not there yet`);
  return value;
};

export const createBenchApi = (): BenchApi => {
  let table: SheetTable | null = null;
  let store: RxDeskStore | null = null;
  let preview: ImportPreview | null = null;
  let floorDb: IDBDatabase | null = null;
  // What the search and check-in steps need of each person; the table and
  // the preview are let go after the commit, as the desk lets them go.
  let people: BenchPerson[] = [];
  // The participants the download floor pulled, to check the download.
  let pulledIds: string[] = [];

  const floorDatabase = async () => {
    floorDb ??= await openFloorDb(floorDbName);
    return floorDb;
  };

  return {
    async loadTable(url) {
      const { ms, value } = await timed(async () => {
        const response = await fetch(url);
        const parsed: SheetTable = await response.json();
        return parsed;
      });
      table = value;
      return { ms, rows: value.rows.length };
    },

    async fold() {
      const sheet = required(table, 'the table');
      const { ms, value } = await timed(() =>
        foldSheet(sheet, { eventId: 'bench-fold' }),
      );
      return { ms, participants: value.participants.length };
    },

    async createStore(dbName, key) {
      const { ms, value } = await timed(async () =>
        createDeskStore({
          dbName,
          dataKey: key === undefined ? undefined : await importDataKey(key),
          eventKeys: key === undefined ? undefined : benchEventKeys(key),
          // Operations need a signed-in operator (issue #5, access).
          operator: 'Bench',
        }),
      );
      store = value;
      return { ms };
    },

    async preview(eventName) {
      const desk = required(store, 'the store');
      const sheet = required(table, 'the table');
      const { ms, value } = await timed(() =>
        desk.previewImport(sheet, { newEventName: eventName }),
      );
      preview = value;
      people = value.participants.map(benchPerson);
      return {
        ms,
        participants: value.participants.length,
        problems: value.problems.length,
      };
    },

    async commit() {
      const desk = required(store, 'the store');
      const planned = required(preview, 'the preview');
      const { ms, value } = await timed(() => desk.commitImport(planned, []));
      const eventId = unwrap(value, 'commitImport').eventId;
      table = null;
      preview = null;
      return { ms, eventId };
    },

    async openEvent(eventId) {
      const desk = required(store, 'the store');
      const { ms, value } = await timed(() => desk.openEvent(eventId));
      unwrap(value, 'openEvent');
      return { ms };
    },

    async floorBulkPut() {
      const db = await floorDatabase();
      const planned = required(preview, 'the preview');
      return { ms: await bulkPut(db, planned.participants) };
    },

    async typeQueries(count, seed) {
      const desk = required(store, 'the store');
      const floor = scanFloor(people);
      const figures: KeystrokeFigures = {
        queries: 0,
        typed: [],
        store: [],
        floor: [],
        hits: [],
      };
      for (const query of typedQueries(people, count, seed)) {
        let hits = 0;
        for (const typed of keystrokes(query.text)) {
          const start = performance.now();
          hits = desk.search(typed, searchLimit).length;
          const middle = performance.now();
          floor(typed);
          figures.typed.push(typed);
          figures.store.push(middle - start);
          figures.floor.push(performance.now() - middle);
        }
        figures.queries += 1;
        figures.hits.push(hits);
      }
      return figures;
    },

    async checkIns(count, seed) {
      const desk = required(store, 'the store');
      const db = await floorDatabase();
      const random = seededRandom(seed);
      const active = people.filter((p) => p.status === 'active');
      const figures: CheckInFigures = { store: [], floor: [] };
      const chosen = new Set<string>();
      while (chosen.size < Math.min(count, active.length)) {
        const pick = active[Math.floor(random() * active.length)];
        if (pick) chosen.add(pick.id);
      }
      for (const id of chosen) {
        const { ms, value } = await timed(() => desk.checkIn(id));
        unwrap(value, 'checkIn');
        figures.store.push(ms);
        figures.floor.push(
          await strictPut(db, {
            id: `floor-${id}`,
            participantId: id,
            type: 'check-in',
            createdAt: new Date().toISOString(),
          }),
        );
      }
      return figures;
    },

    async pullFloor(url, login, password, eventId, store) {
      const into = store ? await floorDatabase() : undefined;
      const { ids, ...figures } = await pullFloor(
        url,
        login,
        password,
        eventId,
        into,
      );
      pulledIds = ids;
      return { ...figures, participants: ids.length };
    },

    async download(url, login, password, eventId) {
      const desk = required(store, 'the store');
      return download(desk, url, login, password, eventId, pulledIds);
    },

    async close() {
      floorDb?.close();
      floorDb = null;
      await store?.close();
      store = null;
    },
  };
};
