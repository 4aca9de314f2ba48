// From the page's raw timings to the table's rows: each figure beside its
// floor from the same run and the goal issue #2 sets for it.

import type { KeystrokeFigures } from './page/benchApi';
import type { PageMeasurements } from './pageBenchmarks';
import type { Figure, Memory } from './report';
import { summarize } from './stats';

export type PageResults = {
  search: Figure[];
  checkIn: Figure[];
  importSteps: Figure[];
  open: Figure[];
  /** Sealed personal fields against the same work with nothing sealed. */
  sealing: Figure[];
  /** Page part of the import: transfer, preview (with fold) and commit. */
  importMs: number;
  bulkPutMs: number;
  memory: Memory[];
  details: Record<string, unknown>;
};

const median = (values: number[]) => summarize(values).p50;

/** The slowest keystrokes of the store, with the floor's time for each. */
const slowest = (typed: KeystrokeFigures, count: number) =>
  typed.store
    .map((ms, i) => ({
      keystroke: i + 1,
      query: typed.typed[i],
      ms,
      floorMs: typed.floor[i],
    }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);

/** Each keystroke's median over passes that typed the same keystrokes. */
export const medianPerKeystroke = (
  passes: readonly KeystrokeFigures[],
): KeystrokeFigures => {
  const [first] = passes;
  if (!first) return { queries: 0, typed: [], store: [], floor: [], hits: [] };
  const across = (i: number, pick: (p: KeystrokeFigures) => number[]) =>
    median(passes.map((p) => pick(p)[i] ?? Number.NaN));
  return {
    ...first,
    store: first.store.map((_, i) => across(i, (p) => p.store)),
    floor: first.floor.map((_, i) => across(i, (p) => p.floor)),
  };
};

export const pageFigures = (m: PageMeasurements): PageResults => {
  const { typed, checks, opens, floorOpens } = m;
  const retyped = medianPerKeystroke(m.retyped);
  const store = summarize(typed.store);
  const scan = summarize(typed.floor);
  const warm = summarize(retyped.store);
  const warmScan = summarize(retyped.floor);
  const checkIn = summarize(checks.store);
  const put = summarize(checks.floor);
  const { transferMs, fold, preview, commit, opened, bulkPut } = m;
  return {
    search: [
      {
        name: 'search p50 per keystroke',
        ms: store.p50,
        floorMs: scan.p50,
        goal: null,
      },
      {
        name: 'search p95 per keystroke',
        ms: store.p95,
        floorMs: scan.p95,
        goal: { underMs: 5, maxRatio: 3 },
      },
      {
        name: 'search p50 per keystroke, warm median',
        ms: warm.p50,
        floorMs: warmScan.p50,
        goal: null,
      },
      {
        name: 'search p95 per keystroke, warm median',
        ms: warm.p95,
        floorMs: warmScan.p95,
        goal: { underMs: 5, maxRatio: 3 },
      },
    ],
    checkIn: [
      {
        name: 'check-in p50, Enter to stored',
        ms: checkIn.p50,
        floorMs: put.p50,
        goal: null,
      },
      {
        name: 'check-in p99, Enter to stored',
        ms: checkIn.p99,
        floorMs: put.p99,
        goal: { underMs: 20 },
      },
    ],
    importSteps: [
      {
        name: 'import: table to page (JSON)',
        ms: transferMs,
        floorMs: null,
        goal: null,
      },
      {
        name: 'import: fold (inside preview)',
        ms: fold.ms,
        floorMs: null,
        goal: null,
      },
      {
        name: 'import: previewImport',
        ms: preview.ms,
        floorMs: null,
        goal: null,
      },
      {
        name: 'import: commitImport',
        ms: commit.ms,
        floorMs: bulkPut.ms,
        goal: null,
      },
    ],
    open: [
      {
        name: 'open event to first result',
        ms: median(opens.map((o) => o.firstResultMs)),
        floorMs: median(floorOpens.map((o) => o.readMs)),
        goal: { underMs: 1_500 },
      },
      {
        name: 'open right after import (same page)',
        ms: opened.ms,
        floorMs: null,
        goal: null,
      },
    ],
    sealing: [
      {
        name: 'sealing: commitImport, sealed vs plain (mean of before and after)',
        ms: commit.ms,
        floorMs:
          m.plain.commits.reduce((sum, c) => sum + c.ms, 0) /
          m.plain.commits.length,
        goal: { maxRatio: 1.3 },
      },
      {
        name: 'sealing: check-in p50, sealed vs plain',
        ms: checkIn.p50,
        floorMs: summarize(m.plain.checks.store).p50,
        goal: { maxRatio: 1.3 },
      },
    ],
    importMs: transferMs + preview.ms + commit.ms,
    bulkPutMs: bulkPut.ms,
    memory: m.memory,
    details: {
      rows: m.rows,
      participants: preview.participants,
      problems: preview.problems,
      createStoreMs: m.created.ms,
      openAfterImportMs: opened.ms,
      search: {
        store,
        floor: scan,
        queries: typed.queries,
        hits: typed.hits,
        slowest: slowest(typed, 15),
        warm: { store: warm, floor: warmScan },
        slowestWarm: slowest(retyped, 15),
      },
      checkIn: { store: checkIn, floor: put },
      opens,
      floorOpens,
    },
  };
};
