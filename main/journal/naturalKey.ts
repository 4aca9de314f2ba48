// What makes two passings the same passing, whichever way they arrived (a
// live frame, a backup-memory block, a spooled package, a memory dump).

import type { Passing } from '../../shared/timing/passing';

/**
 * The device's own record counter: a SportIdent station's backup-memory
 * address, an MTR4 package number. Timy and Emit 250 lines carry none.
 */
export const counterOf = (passing: Passing): number | undefined => {
  const { extra } = passing;
  if (passing.protocol === 'sportident') {
    return typeof extra.memoryAddress === 'number'
      ? extra.memoryAddress
      : undefined;
  }
  if (passing.protocol === 'emit-mtr4') {
    return typeof extra.packageNumber === 'number'
      ? extra.packageNumber
      : undefined;
  }
  return undefined;
};

/**
 * Chip or bib, station, time and the device counter. The counter belongs in
 * the key so that the same chip punching twice in one 1/256 s is still two
 * records; the session does not, so a memory block re-read after a reset is
 * still recognised.
 */
export const naturalKey = (device: string, passing: Passing): string =>
  passing.extra.readout === true
    ? readoutKey(passing)
    : liveKey(device, passing);

/**
 * A punch read from a card (shared/timing/readout.ts) is the card's own
 * record: the same card read again, on this reader or another, gives the
 * same chip, control and card time, whatever the estimated time of day.
 */
const readoutKey = (passing: Passing): string =>
  [
    'readout',
    passing.protocol,
    passing.chip ?? '',
    String(passing.station),
    String(passing.extra.cardTime ?? passing.time),
  ].join('|');

const liveKey = (device: string, passing: Passing): string =>
  [
    device,
    passing.protocol,
    passing.chip ?? '',
    passing.bib ?? '',
    String(passing.station),
    passing.time,
    String(counterOf(passing) ?? ''),
  ].join('|');

/**
 * An Emit 250 repeats its package while the card lies on the reader: only
 * the first of a run is a new passing.
 */
export const isRepeat = (passing: Passing): boolean =>
  passing.protocol === 'emit-250' &&
  typeof passing.extra.repeat === 'number' &&
  passing.extra.repeat > 0;
