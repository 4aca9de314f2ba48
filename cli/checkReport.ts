// What `racedesk check` prints: the same preview the desk shows before an
// import (counts, classes, problems with row and column), as text or JSON.

import {
  type Lang,
  problemMessage,
  summaryLabels,
} from '../shared/i18n/problems';
import type { SheetFold } from '../shared/isonen/fold';
import type { SheetTable } from '../shared/isonen/sheet';

/** The --json object; its shape is part of the CLI's interface. */
export type CheckJson = {
  participants: number;
  entries: number;
  deregistered: number;
  classes: { name: string; participants: number }[];
  problems: {
    row: number;
    column: string;
    message: string;
    field: string;
    code: string;
    severity: 'error' | 'warning';
  }[];
};

export const hasErrors = (fold: SheetFold) =>
  fold.problems.some((problem) => problem.severity === 'error');

export const checkJson = (fold: SheetFold, lang: Lang): CheckJson => ({
  participants: fold.counts.participants,
  entries: fold.counts.entries,
  deregistered: fold.counts.deregistered,
  classes: fold.classes.map(({ name, participants }) => ({
    name,
    participants,
  })),
  problems: fold.problems.map((problem) => ({
    row: problem.row,
    column: problem.column,
    message: problemMessage(problem, lang),
    field: problem.field,
    code: problem.code,
    severity: problem.severity,
  })),
});

// A terminal full of the same warning helps nobody; --json has them all.
const shownProblems = 100;

export const checkText = (
  table: SheetTable,
  fold: SheetFold,
  lang: Lang,
): string => {
  const words = summaryLabels[lang];
  const { counts } = fold;
  const sheetWord = words.sheet.toLowerCase();
  const lines = [
    `${words.file}: ${table.fileName} (${sheetWord} "${table.sheetName}")`,
    `${words.rows}: ${counts.rows}`,
    `${words.participants}: ${counts.participants}`,
    `${words.entries}: ${counts.entries}`,
    `${words.deregistered}: ${counts.deregistered}`,
    `${words.paymentRows}: ${counts.paymentRows}`,
    '',
    `${words.classes} (${fold.classes.length}):`,
  ];
  const width = Math.max(0, ...fold.classes.map((c) => c.name.length));
  for (const { name, participants } of fold.classes) {
    lines.push(`  ${name.padEnd(width)}  ${String(participants).padStart(6)}`);
  }

  const errors = fold.problems.filter((p) => p.severity === 'error').length;
  const warnings = fold.problems.length - errors;
  const errorWord = errors === 1 ? words.error : words.errors;
  const warningWord = warnings === 1 ? words.warning : words.warnings;
  lines.push(
    '',
    `${words.problems} (${errors} ${errorWord}, ${warnings} ${warningWord}):`,
  );
  if (fold.problems.length === 0) lines.push(`  ${words.noProblems}`);
  const severityWidth = Math.max(words.error.length, words.warning.length);
  for (const problem of fold.problems.slice(0, shownProblems)) {
    const severity = words[problem.severity].padEnd(severityWidth);
    lines.push(`  ${severity}  ${problemMessage(problem, lang)}`);
  }
  if (fold.problems.length > shownProblems) {
    lines.push(`  … ${fold.problems.length - shownProblems} ${words.more}`);
  }

  const verdict = hasErrors(fold)
    ? words.notImportable
    : fold.problems.length > 0
      ? words.importableWithWarnings
      : words.importable;
  lines.push('', verdict);
  return `${lines.join('\n')}\n`;
};
