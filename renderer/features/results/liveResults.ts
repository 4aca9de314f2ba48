// Live results from what the desk holds: the start list as timing software
// got it (timingClasses over the desk's views, so bibs and chips paired at
// check-in count), the passings stored as operations, the race setup per
// class and the status overrides, all through shared/results.

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
  StatusOverride,
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

export type LiveResults = {
  list: ResultList;
  classes: TimingClass[];
  setup: RaceSetup;
  identities: () => Record<string, ResultIdentity>;
};

export const liveResults = (
  views: readonly ParticipantView[],
  passings: readonly PassingOperation[],
  setups: readonly SetupOperation[],
  statuses: readonly StatusOperation[],
  closed: boolean,
): LiveResults => {
  const live = views.filter((view) => view.participant.status === 'active');
  const classes = timingClasses(entrantsFromViews(live));
  const checkedIn = new Set(
    live.filter((v) => v.state.checkedIn).map((v) => v.participant.id),
  );
  const setup = raceSetupOf(setups, statuses);
  const list = computeResults({
    setup,
    starters: startersFromClasses(classes, (id) => checkedIn.has(id)),
    passings: passings.map((op) => op.payload.passing),
    closed,
  });
  return {
    list,
    classes,
    setup,
    identities: () => identitiesFromClasses(classes),
  };
};
