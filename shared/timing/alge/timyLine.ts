import type { DecoderOutput, Passing, TimingDecoder } from '../passing';
import { createStreamDecoder, type FrameScan } from '../streamDecoder';

/**
 * ALGE Timy RS232 time lines (Timy manual 5.2.1, Timy3 manual 12.1), 9600
 * 8N1 by default, ASCII, one line per time, ended by CR:
 *   yNNNNxCCCxHH:MM:SS.zhtqxGG(CR)   e.g. " 0001 C0  08:38:21.4249 00"
 * y info (' ' new, '?' no valid number, 'm' from memory, 'c'/'C' cleared,
 * 'd' disqualified, 'i' typed in, 'n' new number given), NNNN start number
 * (leading zeros may be blanks), CCC channel (c0..c8, 'M' when triggered
 * from the keypad; RT/TT/SQ for run, total, lap times), GG group. The
 * decimal mark may be ',' and manual times have fewer digits.
 * The lines carry no checksum in the published manuals, so a line is
 * accepted only when every fixed-width field parses.
 */
const linePattern =
  /([ ?mcCdin])([ \d]{4}) ([cC]\d[M ]|RT |TT |SQ ) ([ \d]\d):([0-5]\d):([0-5]\d)[.,](\d{1,4}) *(\d\d)?( *\d*)$/;

/** Anything with a clock in it that failed the line pattern is damaged. */
const looksTimed = /\d:\d\d[:.,]\d/;

const maxLine = 80;

const isEnd = (byte: number | undefined) => byte === 0x0d || byte === 0x0a;

const lineText = (bytes: Uint8Array) => String.fromCharCode(...bytes);

const printable = (bytes: Uint8Array) =>
  bytes.every((byte) => byte >= 0x20 && byte < 0x7f);

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
    return {
      type: 'bad',
      length: cr - pos,
      reason: 'line too long',
      skip: cr - pos,
    };
  }
  if (cr === end) return { type: 'partial' };
  const length = cr - pos + 1;
  const text = lineText(buf.subarray(pos, cr));
  if (linePattern.test(text)) return { type: 'frame', length };
  if (printable(buf.subarray(pos, cr)) && !looksTimed.test(text)) {
    return { type: 'frame', length };
  }
  return { type: 'bad', length, reason: 'not a Timy time line', skip: length };
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
  const match = linePattern.exec(text);
  if (!match) {
    return {
      kind: 'message',
      protocol: 'alge-timy',
      offset,
      type: 'timy-line',
      data: { text: text.trim() },
    };
  }
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

/** The line a Timy prints for a passing, for simulators and tests. */
export const encodeTimyLine = (passing: Passing): Uint8Array => {
  const info = typeof passing.extra.info === 'string' ? passing.extra.info : '';
  const bib = (passing.bib ?? '').slice(-4).padStart(4, '0');
  const channel = `${String(passing.station)}${passing.extra.manual === true ? 'M' : ''}`;
  const group =
    typeof passing.extra.group === 'string' ? passing.extra.group : '00';
  const line = `${(info || ' ').slice(0, 1)}${passing.bib ? bib : '    '} ${channel.padEnd(3)} ${passing.time} ${group}\r`;
  return Uint8Array.from(line, (char) => char.charCodeAt(0) & 0x7f);
};
