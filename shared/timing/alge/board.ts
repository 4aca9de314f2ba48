import { parseTimeOfDay } from '../timeOfDay';

/**
 * ALGE display-board lines (Timy3 manual 12.3, "Interface for display
 * board"; GAZ boards want 2400 8N1), ASCII, CR-terminated, 22 characters:
 *   NNNCxxxxHH:MM:SS.zhtRR   finish time (C) with rank RR
 *   NNN.xxxxHH:MM:SS.zxx     running time (the point marks it)
 * NNN start number, the letter says what the time is (C finish, D total,
 * A B E F G H I the 1st..7th intermediate), x a blank, RR the rank (two
 * blanks without one).
 */
export type BoardTimeKind = 'finish' | 'total' | 'intermediate';

export type BoardTime = {
  bib: string;
  kind: BoardTimeKind;
  /** 1..7 for intermediate times. */
  intermediate?: number;
  /** 'HH:MM:SS.fff' (an elapsed time, shown to 1/1000 s). */
  time: string;
  rank?: number;
};

const intermediateLetters = ['A', 'B', 'E', 'F', 'G', 'H', 'I'];

const letterFor = (line: BoardTime): string | undefined => {
  if (line.kind === 'finish') return 'C';
  if (line.kind === 'total') return 'D';
  return intermediateLetters[(line.intermediate ?? 1) - 1];
};

const bibField = (bib: string) => bib.trim().slice(-3).padStart(3, ' ');

const toBytes = (line: string) =>
  Uint8Array.from(line, (char) => char.charCodeAt(0) & 0x7f);

/** The board line for a stopped time; undefined for impossible input. */
export const encodeBoardTime = (line: BoardTime): Uint8Array | undefined => {
  const letter = letterFor(line);
  const parsed = parseTimeOfDay(line.time);
  if (!letter || !parsed) return undefined;
  const clock = line.time.slice(0, 12).padEnd(12, '0');
  const rank =
    line.rank === undefined ? '  ' : String(line.rank % 100).padStart(2, ' ');
  return toBytes(`${bibField(line.bib)}${letter}    ${clock}${rank}\r`);
};

/** The board line for a running time, with or without tenths. */
export const encodeBoardRunningTime = (
  bib: string,
  time: string,
  tenths: boolean,
): Uint8Array | undefined => {
  if (!parseTimeOfDay(time)) return undefined;
  const clock = tenths ? `${time.slice(0, 10)}  ` : `${time.slice(0, 8)}    `;
  return toBytes(`${bibField(bib)}.    ${clock}\r`);
};

export type ResultLine = {
  rank?: number;
  bib: string;
  /** Elapsed result time 'HH:MM:SS.fff'. */
  time: string;
};

/**
 * A 24-column result line for the Timy's printer, CR LF terminated:
 * rank (4), bib (6), time to 1/100 s right-aligned with leading zero
 * hours and minutes blanked. This layout is ours, not ALGE's: the Timy
 * manuals publish no result-line format for the host to send.
 */
export const formatResultLine = (line: ResultLine): string => {
  const rank = line.rank === undefined ? '    ' : `${line.rank}.`.padStart(4);
  const bib = line.bib.trim().slice(-5).padStart(6);
  const parsed = parseTimeOfDay(line.time);
  const clock = parsed ? shortClock(line.time) : line.time;
  return `${rank}${bib}${clock.padStart(14)}\r\n`;
};

const shortClock = (time: string) => {
  const hundredths = time.slice(0, 11);
  return hundredths.replace(/^00:/, '').replace(/^0(\d)/, '$1');
};
