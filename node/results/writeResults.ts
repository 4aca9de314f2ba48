// Result lists as files: IOF XML 3.0 ResultList or an Excel sheet (one row
// per start, classes in turn), streamed through the list writer so a
// 50,000-start list stays small in memory.

import { writeFile } from 'node:fs/promises';
import {
  type ResultFileFormat,
  resultFileFormats,
} from '../../shared/contract/results';
import {
  type ResultListTextOptions,
  resultListText,
} from '../../shared/formats/resultList';
import type { Lang } from '../../shared/i18n/problems';
import {
  resultHeaders,
  resultRows,
  resultWidths,
} from '../../shared/results/resultTable';
import type { ResultList } from '../../shared/results/types';
import { writeList } from '../lists/writeList';

export { type ResultFileFormat, resultFileFormats };

export const isResultFileFormat = (text: string): text is ResultFileFormat =>
  (resultFileFormats as readonly string[]).includes(text);

const countRows = (list: ResultList) =>
  list.classes.reduce((sum, c) => sum + c.results.length, 0);

export const writeResultsXlsx = async (
  list: ResultList,
  path: string,
  lang: Lang,
): Promise<number> => {
  const written = await writeList(
    {
      headers: resultHeaders(lang),
      widths: resultWidths,
      people: new Set(
        list.classes.flatMap((c) => c.results.map((r) => r.participantId)),
      ).size,
      cells: () => resultRows(list, lang),
    },
    path,
    lang === 'nb' ? 'Resultater' : 'Results',
  );
  return written.rows;
};

export const writeResults = async (
  format: ResultFileFormat,
  list: ResultList,
  path: string,
  options: ResultListTextOptions & { lang: Lang },
): Promise<number> => {
  if (format === 'xlsx') return writeResultsXlsx(list, path, options.lang);
  await writeFile(path, resultListText(list, options));
  return countRows(list);
};
