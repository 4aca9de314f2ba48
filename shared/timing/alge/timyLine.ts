import type { DecoderOutput, Passing, TimingDecoder } from '../passing';
import { createStreamDecoder, type FrameScan } from '../streamDecoder';

/**
 * ALGE Timy RS232 time lines (Timy manual 5.2.1, Timy3 manual 12.1), 9600
 * 8N1 by default, ASCII, one 26-character line per time, ended by CR:
 *   yNNNNxCCCxHH:MM:SS.zhtqxGG(CR)   e.g. " 0001 C0  08:38:21.4249 00"
 * y info (' ' new, '?' no valid number, 'm' from memory, 'c'/'C' cleared,
 * 'd' disqualified, 'i' typed in, 'n' new number given), NNNN start number
 * (leading zeros may be blanks), CCC channel (c0..c8, 'M' when triggered
 * from the keypad; RT/TT/SQ for run, total, lap times), GG group. The
 * decimal mark may be ',' and manual times have fewer digits.
 * With the Timy command CHK1 two checksum characters follow the 26: the
 * sum of the 26 characters mod 256, one nibble per character as
 * 0x30 + nibble (the format metarace's Timy driver reads).
 */
const linePattern =
  /([ ?mcCdin])([ \d]{4}) ([cC]\d[M ]|RT |TT |SQ ) ([ \d]\d):([0-5]\d):([0-5]\d)[.,](\d{1,4}) *(\d\d)?( *\d*)$/;

const strictLine =
  /^[ ?mcCdin][ \d]{4} (?:[cC]\d[M ]|RT |TT |SQ ) [ \d]\d:[0-5]\d:[0-5]\d[.,][\d ]{4} \d\d$/;

const checksumChars = /^[0-9:;<=>?A-F]{2}$/;

/** Anything with a clock in it that failed the line pattern is damaged. */
const looksTimed = /\d:\d\d[:.,]\d/;

const maxLine = 80;

const isEnd = (byte: number | undefined) => byte === 0x0d || byte === 0x0a;

const lineText = (bytes: Uint8Array) => String.fromCharCode(...bytes);

const printable = (bytes: Uint8Array) =>
  bytes.every((byte) => byte >= 0x20 && byte < 0x7f);

export const timyChecksum = (line: string): number =>
  Array.from(line).reduce((sum, char) => sum + char.charCodeAt(0), 0) & 0xff;

const nibble = (char: string) => {
  const code = char.charCodeAt(0);
  return code >= 0x41 ? code - 0x41 + 10 : code - 0x30;
};

export const timyChecksumText = (line: string) => {
  const sum = timyChecksum(line);
  return String.fromCharCode(0x30 + (sum >> 4), 0x30 + (sum & 0x0f));
};

type LineRead =
  | { type: 'time'; match: RegExpExecArray; checksum: boolean }
  | { type: 'bad'; reason: string }
  | { type: 'other' };

/**
 * A time line, with or without its checksum. Lines may carry leading
 * noise: the fixed-width line is matched at the end of what arrived.
 */
export const readTimyLine = (text: string): LineRead => {
  const tail = text.slice(-28);
  const body = tail.slice(0, 26);
  if (
    tail.length === 28 &&
    strictLine.test(body) &&
    checksumChars.test(tail.slice(26))
  ) {
    const sent = (nibble(tail[26] ?? '0') << 4) | nibble(tail[27] ?? '0');
    if (sent !== timyChecksum(body)) {
      return { type: 'bad', reason: 'checksum mismatch' };
    }
    const match = linePattern.exec(body);
    if (match) return { type: 'time', match, checksum: true };
  }
  const match = linePattern.exec(text);
  if (match) return { type: 'time', match, checksum: false };
  return looksTimed.test(text)
    ? { type: 'bad', reason: 'not a Timy time line' }
    : { type: 'other' };
};

const scanTimy = (
  buf: Uint8Array,
  pos: number,
  end: number,
  prev: number,
): FrameScan => {
  if (isEnd(buf[pos])) return { type: 'idle' };
  // Only a line start can begin a line; the rest of a broken line is noise.
  if (prev !== -1 && !isEnd(prev)) return { type: 'noise' };
  let cr = pos;
  while (cr < end && cr - pos < maxLine && !isEnd(buf[cr])) cr += 1;
  if (cr - pos >= maxLine) {
    const length = cr - pos;
    return { type: 'bad', length, reason: 'line too long', skip: length };
  }
  if (cr === end) return { type: 'partial' };
  const length = cr - pos + 1;
  const line = buf.subarray(pos, cr);
  const read = readTimyLine(lineText(line));
  if (read.type === 'time') return { type: 'frame', length };
  if (read.type === 'other' && printable(line))
    return { type: 'frame', length };
  const reason = read.type === 'bad' ? read.reason : 'not a Timy time line';
  return { type: 'bad', length, reason, skip: length };
};

const editActions: Record<string, string> = {
  c: 'cleared',
  C: 'cleared',
  d: 'disqualified',
  n: 'new-bib',
};

/** Fractions keep the device's resolution, at least milliseconds. */
const fractionOf = (digits: string) =>
  digits.length >= 3 ? digits : digits.padEnd(3, '0');

export const decodeTimyLine = (text: string, offset: number): DecoderOutput => {
  const read = readTimyLine(text);
  if (read.type !== 'time') {
    return {
      kind: 'message',
      protocol: 'alge-timy',
      offset,
      type: 'timy-line',
      data: { text: text.trim() },
    };
  }
  const { match } = read;
  const [, info = ' ', rawBib = '', rawChannel = '', hh = '', mm, ss] = match;
  const fraction = match[7] ?? '0';
  const hours = Number(hh.trim() || '0');
  const bib = rawBib.trim() === '' ? undefined : String(Number(rawBib));
  const channel = rawChannel.trim().toLowerCase().replace(/m$/, '');
  const manual = rawChannel.trim().endsWith('M');
  const time = `${String(hours).padStart(2, '0')}:${mm}:${ss}.${fractionOf(fraction)}`;
  const extra = {
    info: info.trim(),
    manual,
    group: match[8] ?? '',
    resolutionDigits: fraction.length,
    fromMemory: info === 'm',
    checksum: read.checksum,
  };

  if (hours > 23 || channel === 'rt' || channel === 'tt' || channel === 'sq') {
    return {
      kind: 'message',
      protocol: 'alge-timy',
      offset,
      type: 'timy-result',
      data: { bib: bib ?? null, kind: channel, time, ...extra },
    };
  }
  const action = editActions[info];
  if (action) {
    return {
      kind: 'message',
      protocol: 'alge-timy',
      offset,
      type: 'timy-edit',
      data: { action, bib: bib ?? null, station: channel, time, ...extra },
    };
  }
  return {
    kind: 'passing',
    protocol: 'alge-timy',
    offset,
    ...(bib === undefined ? {} : { bib }),
    station: channel,
    time,
    extra,
  } satisfies Passing;
};

export const createTimyDecoder = (): TimingDecoder =>
  createStreamDecoder({
    protocol: 'alge-timy',
    // 80 characters at 2400 baud, the slowest rate a Timy offers.
    maxFrameMs: 400,
    scan: scanTimy,
    decode: (frame, offset) => [
      decodeTimyLine(lineText(frame.subarray(0, frame.length - 1)), offset),
    ],
  });

/** The line a Timy sends for a passing, for simulators and tests. */
export const encodeTimyLine = (passing: Passing): Uint8Array => {
  const extra = passing.extra;
  const info = typeof extra.info === 'string' && extra.info ? extra.info : ' ';
  const bib = passing.bib ? passing.bib.slice(-4).padStart(4, '0') : '    ';
  const manual = extra.manual === true ? 'M' : '';
  const channel = `${String(passing.station)}${manual}`.padEnd(3);
  const group = typeof extra.group === 'string' ? extra.group : '00';
  const [clock = '', fraction = ''] = passing.time.split('.');
  const digits =
    typeof extra.resolutionDigits === 'number'
      ? extra.resolutionDigits
      : fraction.length;
  const line = `${info.slice(0, 1)}${bib} ${channel} ${clock}.${fraction.slice(0, digits).padEnd(4)} ${group}`;
  const sum = extra.checksum === true ? timyChecksumText(line) : '';
  return Uint8Array.from(
    `${line}${sum}\r`,
    (char) => char.charCodeAt(0) & 0x7f,
  );
};

/** A command line for the Timy (e.g. 'CHK1' to turn on checksums). */
export const timyCommand = (command: string): Uint8Array =>
  Uint8Array.from(`${command}\r`, (char) => char.charCodeAt(0) & 0x7f);

/**
 * Prints one line on the Timy's printer (command DTP, as metarace's Timy
 * driver sends it); longer text is cut at 32 characters.
 */
export const timyPrintLine = (text: string): Uint8Array =>
  timyCommand(`DTP${text.replace(/[\r\n]/g, ' ').slice(0, 32)}`);
