// What the desk sends to have a list written (exports:write-list): the
// list's rows as text, cut to the plan's columns. This is the one place
// the renderer turns participants into a list, so what leaves the page is
// what the purpose allows (purposes.ts) and nothing else.

import type { ExportEventRef, WriteListArgs } from '../contract/exports';
import type { ParticipantView } from '../desk/state';
import type { Lang } from '../i18n/problems';
import { cellFormat } from './format';
import type { ListPlan } from './purposes';
import { listContent } from './rows';

/** exports:write-list's arguments with the rows still as text. */
export type ListRequest = Omit<WriteListArgs, 'rows'> & {
  /** One array of cell text per row, in `columns` order. */
  rows: string[][];
  /** The headers in `lang`, for showing and printing the same list. */
  headers: string[];
};

/** The first rows of a list, for showing it before it is made. */
export type ListPreview = {
  headers: string[];
  rows: string[][];
  /** Rows the whole list has. */
  total: number;
};

/**
 * Builds only the rows shown: the list is sorted whole, but its cells
 * are made for the first `count` rows, so ticking a column in the
 * chooser does not build 50,000 rows of text.
 */
export const listPreview = (
  plan: ListPlan,
  views: Iterable<ParticipantView>,
  lang: Lang,
  count: number,
): ListPreview => {
  const content = listContent(plan, views, cellFormat(lang));
  const rows: string[][] = [];
  for (const cells of content.cells()) {
    if (rows.length >= count) break;
    rows.push(cells);
  }
  return { headers: content.headers, rows, total: content.rows };
};

export const listRequest = (
  plan: ListPlan,
  views: Iterable<ParticipantView>,
  context: { lang: Lang; event: ExportEventRef; by: string },
): ListRequest => {
  const content = listContent(plan, views, cellFormat(context.lang));
  return {
    list: plan.purpose.id,
    columns: content.columnIds,
    headers: content.headers,
    lang: context.lang,
    rows: [...content.cells()],
    people: content.people,
    event: context.event,
    by: context.by,
  };
};
