// How list cells read: dates as Norwegians write them (dd.mm.yyyy), times
// of day in the event's time zone, amounts in kroner with a decimal comma.
// Every cell is text, as in iSonen's own export, so nobody's spreadsheet
// turns a license number into 1.2E+7.

import type { Lang } from '../i18n/problems';

export type CellFormat = {
  lang: Lang;
  /** Shows ISO instants (check-in times) as local date and time. */
  localDateTime: (iso: string) => string;
};

const yesNoText = { nb: ['Ja', 'Nei'], en: ['Yes', 'No'] } as const;

export const yesNo = (value: boolean, lang: Lang): string =>
  yesNoText[lang][value ? 0 : 1];

/** yyyy-mm-dd as dd.mm.yyyy; anything else as given. */
export const dottedDate = (iso: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
    : iso;

/** Øre as "1 250,00" (iSonen's way of writing amounts). */
export const kroner = (ore: number): string => {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')}`;
};

const hasZone = (text: string) => /(Z|[+-]\d{2}:?\d{2})$/.test(text);

/**
 * A CellFormat for a time zone. Times the registration service gives
 * (yyyy-mm-ddTHH:MM, already local) are only rewritten; instants with a
 * zone (a desk's check-in time) are shown in `timeZone`.
 */
export const cellFormat = (
  lang: Lang,
  timeZone = 'Europe/Oslo',
): CellFormat => {
  // One formatter for the whole list: building one per cell costs more
  // than the rest of the row.
  const formatter = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const localDateTime = (text: string): string => {
    if (text === '') return '';
    let local = text;
    if (hasZone(text)) {
      const time = Date.parse(text);
      if (Number.isNaN(time)) return text;
      const parts: Record<string, string> = {};
      for (const part of formatter.formatToParts(time)) {
        parts[part.type] = part.value;
      }
      local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
    }
    const [date = '', time = ''] = local.split('T');
    return [dottedDate(date), time.slice(0, 5)].filter(Boolean).join(' ');
  };
  return { lang, localDateTime };
};
