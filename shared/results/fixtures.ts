// Test data for results: starts, passings and setups with readable
// defaults, so a test names only what it is about.

import { defaultClassSetup, defaultRaceSetup } from './setup';
import type { ClassSetup, RaceSetup, ResultPassing, Starter } from './types';

export const makeStarter = (fields: Partial<Starter> = {}): Starter => {
  const bib = fields.bib ?? '1';
  return {
    participantId: `p${bib}`,
    className: 'K 5 km',
    bib,
    chip: '',
    startTime: '',
    checkedIn: true,
    name: `Runner ${bib}`,
    club: 'IL Gneist',
    ...fields,
  };
};

export const finishAt = (
  bib: string,
  time: string,
  station: string | number = 'c1',
): ResultPassing => ({ bib, station, time });

export const massSetup = (
  startTime: string,
  fields: Partial<ClassSetup> = {},
  race: Partial<RaceSetup> = {},
): RaceSetup => ({
  ...defaultRaceSetup,
  defaults: {
    ...defaultClassSetup,
    start: { mode: 'mass', startTime },
    ...fields,
  },
  ...race,
});
