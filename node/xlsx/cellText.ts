// exceljs cell values to the text the import reads. iSonen writes text
// everywhere, but a file re-saved in Excel may hold dates as date cells and
// times (Kl., Påmeldt kl.) as fractions of a day shown with a time format.

import type { CellValue } from 'exceljs';

const pad2 = (n: number) => String(n).padStart(2, '0');

const millisPerDay = 86_400_000;

// Excel's day 0 is 1899-12-30: a time-only cell is read as a date on that
// day (or the next, for day 1 in the 1900 system).
const timeOnlyDays = new Set(['1899-12-30', '1899-12-31']);

type FormatParts = { date: boolean; time: boolean; seconds: boolean };

/** Which parts a number format shows; [h]:mm (elapsed hours) is a time. */
export const formatParts = (numFmt: string | undefined): FormatParts => {
  const format = (numFmt ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '');
  return {
    date: /[dy]/i.test(format),
    time: /[hs]/i.test(format),
    seconds: /s/i.test(format),
  };
};

/** Does this number format show a date or a time (exceljs's own test)? */
export const isDateFormat = (numFmt: string | undefined): boolean => {
  const parts = formatParts(numFmt);
  return parts.date || parts.time;
};

/** An Excel serial day number as exceljs turns it into a Date. */
export const excelSerialToDate = (serial: number): Date =>
  new Date(Math.round((serial - 25569) * millisPerDay));

/** dd.mm.yyyy, HH:MM(:SS) or both, after what the cell's format shows. */
export const dateCellText = (date: Date, numFmt: string | undefined) => {
  const parts = formatParts(numFmt);
  const millis = date.getTime();
  const day = new Date(Math.floor(millis / millisPerDay) * millisPerDay);
  const isoDay = day.toISOString().slice(0, 10);
  // Round to whole seconds: a fraction of a day is rarely exact.
  const seconds = Math.round((millis - day.getTime()) / 1000) % 86_400;

  const hh = pad2(Math.floor(seconds / 3600));
  const mm = pad2(Math.floor(seconds / 60) % 60);
  const ss = seconds % 60;
  const time =
    parts.seconds || ss !== 0 ? `${hh}:${mm}:${pad2(ss)}` : `${hh}:${mm}`;
  const [year, month, dayOfMonth] = isoDay.split('-');
  const dotted = `${dayOfMonth}.${month}.${year}`;

  const timeOnly = parts.time && !parts.date;
  if (timeOnly || (timeOnlyDays.has(isoDay) && !parts.date)) return time;
  if (parts.time && seconds !== 0) return `${dotted} ${time}`;
  return dotted;
};

/** The text of any cell value exceljs's streaming reader gives. */
export const cellText = (
  value: CellValue | undefined,
  numFmt: string | undefined,
): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    // Formula results come as plain numbers even under a date format.
    return isDateFormat(numFmt)
      ? dateCellText(excelSerialToDate(value), numFmt)
      : String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateCellText(value, numFmt);
  if ('richText' in value)
    return value.richText.map((run) => run.text).join('');
  if ('error' in value) return String(value.error);
  if ('result' in value) return cellText(value.result, numFmt);
  if ('text' in value) return typeof value.text === 'string' ? value.text : '';
  return '';
};
