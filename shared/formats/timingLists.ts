// The files timing software reads, as text: IOF XML 3.0 entry and start
// lists and the OE semicolon CSV start list, from the same timing classes.

import { csvStartList } from './csvStartList';
import type { IofListOptions } from './iofCommon';
import { iofEntryList } from './iofEntryList';
import { iofStartList } from './iofStartList';
import type { TimingClass } from './timingClasses';
import { xmlDocument } from './xmlDocument';

export const timingListFormats = [
  'iof-startlist',
  'iof-entrylist',
  'csv-startlist',
] as const;

export type TimingListFormat = (typeof timingListFormats)[number];

export const isTimingListFormat = (text: string): text is TimingListFormat =>
  (timingListFormats as readonly string[]).includes(text);

export const timingListText = (
  format: TimingListFormat,
  classes: readonly TimingClass[],
  options: IofListOptions,
): string => {
  switch (format) {
    case 'iof-startlist':
      return xmlDocument(iofStartList(classes, options));
    case 'iof-entrylist':
      return xmlDocument(iofEntryList(classes, options));
    case 'csv-startlist':
      return csvStartList(classes);
  }
};
