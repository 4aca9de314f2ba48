// Prints each figure beside its floor from the same run, the ratio and the
// goal from issue #2, and keeps the lot as JSON. Speed is reported here,
// never asserted in a test: a slow machine moves figure and floor alike.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Under a time, at most a ratio to the floor, or both. */
export type Goal = { underMs?: number; maxRatio?: number };

export type Figure = {
  name: string;
  ms: number;
  floorMs: number | null;
  goal: Goal | null;
};

export type Memory = { name: string; megabytes: number };

const ratioOf = (figure: Figure) =>
  figure.floorMs === null || figure.floorMs <= 0
    ? null
    : figure.ms / figure.floorMs;

export const verdict = (figure: Figure): 'pass' | 'miss' | '' => {
  if (!figure.goal) return '';
  const ratio = ratioOf(figure);
  const fast =
    figure.goal.underMs === undefined || figure.ms < figure.goal.underMs;
  const close =
    figure.goal.maxRatio === undefined ||
    (ratio !== null && ratio <= figure.goal.maxRatio);
  return fast && close ? 'pass' : 'miss';
};

const goalText = (goal: Goal | null) => {
  if (!goal) return '';
  const parts = [
    goal.underMs === undefined ? '' : `< ${formatMs(goal.underMs)}`,
    goal.maxRatio === undefined ? '' : `<= ${goal.maxRatio}x`,
  ];
  return parts.filter((part) => part !== '').join(', ');
};

export const formatMs = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(2)} ms`;

const row = (cells: string[], widths: number[]) =>
  cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');

export const printTable = (figures: Figure[], memory: Memory[]) => {
  const header = ['figure', 'measured', 'floor', 'ratio', 'goal', ''];
  const lines = figures.map((f) => {
    const ratio = ratioOf(f);
    return [
      f.name,
      formatMs(f.ms),
      f.floorMs === null ? '' : formatMs(f.floorMs),
      ratio === null ? '' : `${ratio.toFixed(1)}x`,
      goalText(f.goal),
      verdict(f),
    ];
  });
  const widths = header.map((h, i) =>
    Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)),
  );
  console.log(row(header, widths));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(row(line, widths));
  console.log('');
  for (const m of memory) {
    console.log(`${m.name.padEnd(48)} ${m.megabytes.toFixed(0)} MB`);
  }
};

export const writeJson = async (path: string, data: unknown) => {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(data, null, 2)}\n`);
};

export const withVerdicts = (figures: Figure[]) =>
  figures.map((f) => ({ ...f, ratio: ratioOf(f), verdict: verdict(f) }));
