// The files timing software reads, as text: IOF XML 3.0 entry and start
// lists and the OE semicolon CSV start list, from the same timing classes.

import { csvStartList } from '../../shared/formats/csvStartList';
import type { IofListOptions } from '../../shared/formats/iofCommon';
import { iofEntryList } from '../../shared/formats/iofEntryList';
import { iofStartList } from '../../shared/formats/iofStartList';
import type { TimingClass } from '../../shared/formats/timingClasses';
import { writeXml } from './writeXml';

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
      return writeXml(iofStartList(classes, options));
    case 'iof-entrylist':
      return writeXml(iofEntryList(classes, options));
    case 'csv-startlist':
      return csvStartList(classes);
  }
};
