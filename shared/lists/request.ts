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
