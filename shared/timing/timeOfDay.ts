const pad = (value: number, width: number): string =>
  String(value).padStart(width, '0');

/**
 * Formats seconds since midnight plus a fraction as 'HH:MM:SS.fff...'.
 * `fraction` is the digits after the point, already scaled to `digits`.
 */
export const formatTimeOfDay = (
  secondsOfDay: number,
  fraction: number,
  digits = 3,
): string => {
  const hours = Math.floor(secondsOfDay / 3600);
  const minutes = Math.floor((secondsOfDay % 3600) / 60);
  const seconds = secondsOfDay % 60;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(
    fraction,
    digits,
  )}`;
};

export type ParsedTimeOfDay = {
  secondsOfDay: number;
  fraction: number;
  digits: number;
};

const timePattern = /^(\d\d):([0-5]\d):([0-5]\d)\.(\d{1,6})$/;

/** Reads 'HH:MM:SS.f..' back; undefined when it is not one. */
export const parseTimeOfDay = (time: string): ParsedTimeOfDay | undefined => {
  const match = timePattern.exec(time);
  if (!match) return undefined;
  const [, hh, mm, ss, frac] = match;
  const hours = Number(hh);
  if (hours > 23 || frac === undefined) return undefined;
  return {
    secondsOfDay: hours * 3600 + Number(mm) * 60 + Number(ss),
    fraction: Number(frac),
    digits: frac.length,
  };
};

/** Milliseconds of a parsed time, truncating finer digits. */
export const millisecondsOf = (time: ParsedTimeOfDay): number => {
  const scaled =
    time.digits >= 3
      ? Math.floor(time.fraction / 10 ** (time.digits - 3))
      : time.fraction * 10 ** (3 - time.digits);
  return time.secondsOfDay * 1000 + scaled;
};

/**
 * Local time of day of an epoch instant, for devices that send no clock
 * (the Emit 250 reader): the caller says which UTC offset applies.
 */
export const timeOfDayAt = (epochMs: number, utcOffsetMinutes: number) => {
  const dayMs = 86_400_000;
  const local =
    (((epochMs + utcOffsetMinutes * 60_000) % dayMs) + dayMs) % dayMs;
  return formatTimeOfDay(Math.floor(local / 1000), Math.floor(local % 1000));
};
