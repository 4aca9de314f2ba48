import { encodeTimyLine } from './alge/timyLine';
import type { EcardControl } from './emit/ecard';
import { encodeEcard250 } from './emit/emit250';
import { encodeMtrReading } from './emit/mtr4';
import type { JsonValue, Passing } from './passing';
import { encodeSiPunch } from './sportident/commands';
import { parseTimeOfDay } from './timeOfDay';

const numberOr = (value: JsonValue | undefined, fallback: number) =>
  typeof value === 'number' ? value : fallback;

const controlsOf = (value: JsonValue | undefined): EcardControl[] => {
  if (!Array.isArray(value)) return [{ code: 0, seconds: 0 }];
  return value.flatMap((item) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? [{ code: numberOr(item.code, 0), seconds: numberOr(item.seconds, 0) }]
      : [],
  );
};

const mtrBytes = (passing: Passing): Uint8Array | undefined => {
  const parsed = parseTimeOfDay(passing.time);
  const chip = Number(passing.chip);
  if (!parsed || !Number.isInteger(chip)) return undefined;
  const extra = passing.extra;
  const ms = Math.floor(parsed.fraction / 10 ** Math.max(parsed.digits - 3, 0));
  return encodeMtrReading({
    mtrId: typeof passing.station === 'number' ? passing.station : 0,
    date: typeof extra.date === 'string' ? extra.date : '2000-01-01',
    secondsOfDay: parsed.secondsOfDay,
    ms,
    packageNumber: numberOr(extra.packageNumber, 0),
    chip,
    productionWeek: numberOr(extra.productionWeek, 0),
    productionYear: numberOr(extra.productionYear, 0),
    controls: controlsOf(extra.controls),
    text: typeof extra.text === 'string' ? extra.text : '',
  });
};

/**
 * The bytes the device would send for a passing, so a simulator can play
 * the journal's passings back on a serial line. The Emit 250 sends no
 * clock, so its package carries only the chip (and controls when the
 * passing lists them); its time comes from when the bytes arrive.
 */
export const encodePassing = (passing: Passing): Uint8Array | undefined => {
  switch (passing.protocol) {
    case 'sportident':
      return encodeSiPunch(passing);
    case 'emit-mtr4':
      return mtrBytes(passing);
    case 'alge-timy':
      return parseTimeOfDay(passing.time) ? encodeTimyLine(passing) : undefined;
    case 'emit-250': {
      const chip = Number(passing.chip);
      if (!Number.isInteger(chip) || chip < 0 || chip > 0xffffff) return;
      return encodeEcard250({
        chip,
        productionWeek: numberOr(passing.extra.productionWeek, 1),
        productionYear: numberOr(passing.extra.productionYear, 0),
        controls: controlsOf(passing.extra.controls),
      });
    }
  }
};
