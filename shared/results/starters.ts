// Starts for the computation from the start list the timing crew was given
// (timingClasses): the same classes, the same order, the same bibs.

import { fullName } from '../domain/participant';
import type { TimingClass } from '../formats/timingClasses';
import type { Starter } from './types';

export const startersFromClasses = (
  classes: readonly TimingClass[],
  checkedIn: (participantId: string) => boolean = () => false,
): Starter[] =>
  classes.flatMap((timingClass) =>
    timingClass.starts.map(({ entrant, startTime }) => ({
      participantId: entrant.participant.id,
      className: timingClass.name,
      bib: entrant.bib,
      chip: entrant.chip,
      startTime,
      checkedIn: checkedIn(entrant.participant.id),
      name: fullName(entrant.participant),
      club: entrant.participant.club,
    })),
  );
