// Live results from what the desk holds: the start list as timing software
// got it (timingClasses over the desk's views, so bibs and chips paired at
// check-in count), the passings stored as operations, the race setup per
// class and the status overrides, all through shared/results.

import type { TFunction } from 'i18next';
import type { ParticipantView } from '../../../shared/desk/state';
import type { ResultIdentity } from '../../../shared/formats/resultList';
import { identitiesFromClasses } from '../../../shared/formats/resultList';
import {
  entrantsFromViews,
  type TimingClass,
  timingClasses,
} from '../../../shared/formats/timingClasses';
import { computeResults } from '../../../shared/results/compute';
import { defaultRaceSetup } from '../../../shared/results/setup';
import { startersFromClasses } from '../../../shared/results/starters';
import type {
  ClassSetup,
  RaceSetup,
  ResultList,
  Starter,
  StatusOverride,
  UnmatchedPassing,
} from '../../../shared/results/types';
import type {
  PassingOperation,
  SetupOperation,
  StatusOperation,
} from '../../store/timingStore';

/**
 * The setup the operations add up to, oldest first: the latest setup of a
 * class replaces the one before ('' sets the defaults), the latest status
 * of a person in a class counts, and status '' lifts it.
 */
export const raceSetupOf = (
  setups: readonly SetupOperation[],
  statuses: readonly StatusOperation[],
): RaceSetup => {
  let defaults: ClassSetup = defaultRaceSetup.defaults;
  const classes: Record<string, Partial<ClassSetup>> = {};
  for (const op of setups) {
    const { className, setup } = op.payload;
    if (className === '') defaults = { ...defaultRaceSetup.defaults, ...setup };
    else classes[className] = setup;
  }
  const overrides = new Map<string, StatusOverride>();
  for (const op of statuses) {
    const { className, status, reason } = op.payload;
    const key = `${op.participantId}\u0000${className}`;
    if (status === '') overrides.delete(key);
    else {
      overrides.set(key, {
        participantId: op.participantId,
        className,
        status,
        reason,
      });
    }
  }
  return {
    ...defaultRaceSetup,
    defaults,
    classes,
    overrides: [...overrides.values()],
  };
};

export type StartList = { classes: TimingClass[]; starters: Starter[] };

/**
 * The start list the results count on. At 50,000 participants it takes
 * about 1.5 s in Node, so the page keeps it until a view it reads changes
 * (startListKey), not on every passing.
 */
export const startListOf = (views: readonly ParticipantView[]): StartList => {
  const live = views.filter((view) => view.participant.status === 'active');
  const classes = timingClasses(entrantsFromViews(live));
  const checkedIn = new Set(
    live.filter((v) => v.state.checkedIn).map((v) => v.participant.id),
  );
  return {
    classes,
    starters: startersFromClasses(classes, (id) => checkedIn.has(id)),
  };
};

/** What startListOf reads of the views, as one comparable text. */
export const startListKey = (views: readonly ParticipantView[]): string =>
  views
    .map(
      ({ participant: p, state }) =>
        `${p.id}/${p.revision}/${p.updatedAt}/${state.bib}/${state.chip}/` +
        `${state.checkedIn ? 1 : 0}`,
    )
    .join('|');

export type LiveResults = {
  list: ResultList;
  classes: TimingClass[];
  setup: RaceSetup;
  identities: () => Record<string, ResultIdentity>;
  /** list.unmatched as the page lists it (unmatchedRows). */
  unmatched: () => UnmatchedRow[];
};

export const resultsOf = (
  start: StartList,
  passings: readonly PassingOperation[],
  setups: readonly SetupOperation[],
  statuses: readonly StatusOperation[],
  closed: boolean,
): LiveResults => {
  const setup = raceSetupOf(setups, statuses);
  const list = computeResults({
    setup,
    starters: start.starters,
    passings: passings.map((op) => op.payload.passing),
    closed,
  });
  return {
    list,
    classes: start.classes,
    setup,
    identities: () => identitiesFromClasses(start.classes),
    unmatched: () => unmatchedRows(list.unmatched, passings),
  };
};

export const liveResults = (
  views: readonly ParticipantView[],
  passings: readonly PassingOperation[],
  setups: readonly SetupOperation[],
  statuses: readonly StatusOperation[],
  closed: boolean,
): LiveResults =>
  resultsOf(startListOf(views), passings, setups, statuses, closed);

/**
 * A row of the passings that matched nobody: a passing on its own, or all
 * the readout punches of one card nobody holds (`punches` counts them;
 * `index` is the latest, `passing` the first).
 */
export type UnmatchedRow =
  | (UnmatchedPassing & { kind: 'passing' })
  | (UnmatchedPassing & { kind: 'card'; chip: string; punches: number });

/**
 * The unmatched passings as the page lists them, oldest first: station
 * passings one row each, the readout punches of an unknown chip one row
 * for the card, placed where its latest punch came in. `passings` is the
 * input the results were computed from (an unmatched passing's index
 * points into it).
 */
export const unmatchedRows = (
  unmatched: readonly UnmatchedPassing[],
  passings: readonly PassingOperation[],
): UnmatchedRow[] => {
  const cards = new Map<
    string,
    UnmatchedPassing & { kind: 'card'; chip: string; punches: number }
  >();
  const rows: UnmatchedRow[] = [];
  for (const item of unmatched) {
    const chip = item.passing.chip;
    const readout =
      item.reason === 'unknown-chip' &&
      chip !== undefined &&
      passings[item.index]?.payload.source === 'readout';
    if (!readout) {
      rows.push({ ...item, kind: 'passing' });
      continue;
    }
    const card = cards.get(chip);
    if (card) {
      card.punches += 1;
      card.index = Math.max(card.index, item.index);
    } else {
      cards.set(chip, { ...item, kind: 'card', chip, punches: 1 });
    }
  }
  rows.push(...cards.values());
  return rows.sort((a, b) => a.index - b.index);
};

/**
 * Who set each participant's status by hand, from the operator the
 * operation records: shown on this desk only, never in the results handed
 * on (their reason is manualReason). '' when nobody was signed in.
 */
export const setByOf = (
  statuses: readonly StatusOperation[],
): Map<string, string> => {
  const setBy = new Map<string, string>();
  for (const op of statuses) {
    if (op.payload.status === '') setBy.delete(op.participantId);
    else setBy.set(op.participantId, op.operator.trim());
  }
  return setBy;
};

/** 'Set by Kari Nordmann', or the crew when nobody was signed in. */
export const setByText = (t: TFunction, operatorName: string | undefined) =>
  operatorName && operatorName.trim() !== ''
    ? t('results.byOperator', { name: operatorName.trim() })
    : t('results.byHand');
