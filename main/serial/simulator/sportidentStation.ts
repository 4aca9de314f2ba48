// A SportIdent BSF/BSM station in extended protocol, autosend on: punches
// go out as 0xD3 records and into an 8-byte-per-record backup memory that
// the host reads with 0x81. Its clock is set with 0xF6 (answered with the
// time it now keeps), and as a readout station it reports a card put on
// it (0xE5 SI5, 0xE6 SI6, 0xE8 SI8 and newer) and sends the card's memory
// when asked (0xB1, 0xE1 or 0xEF; siCards.ts), then 0xE7 when it is taken
// off.

import type { Passing } from '../../../shared/timing/passing';
import { encodeSiCardNumber } from '../../../shared/timing/sportident/cardNumber';
import { encodeSiPunch } from '../../../shared/timing/sportident/commands';
import {
  ACK,
  encodeSiFrame,
  NAK,
  scanSiFrame,
} from '../../../shared/timing/sportident/frame';
import {
  encodeTd,
  siTimeOfDay,
} from '../../../shared/timing/sportident/siTime';
import {
  type DeviceModel,
  joinBytes,
  type SimulatedRead,
  simulatedClockMs,
} from './deviceModel';
import {
  cardMemory,
  insertCommandOf,
  readCommandOf,
  type SimulatedCard,
} from './siCards';

export type { SimulatedCard } from './siCards';

const station = 31;
const memoryBytes = 0x20000;
const dayMs = 86_400_000;

export type SportidentStation = DeviceModel & {
  /** Puts a card on the station: the 0xE5/0xE6/0xE8 frame it sends. */
  insertCard(card: SimulatedCard): Uint8Array;
  /** Takes the card off: the 0xE7 frame, or nothing when none was on. */
  removeCard(): Uint8Array;
  /** Cards whose whole memory was sent, and ACKs heard after a read. */
  readouts(): { read: number; acknowledged: number };
};

export type StationOptions = {
  /** Start-up commands (0xF0) whose answer is lost on the line. */
  loseStartUpAnswers?: number;
  log?: (text: string) => void;
};

export const createSportidentStation = (
  options: StationOptions = {},
): SportidentStation => {
  const memory = new Uint8Array(memoryBytes);
  let pointer = 0;
  let index = 0;
  let pending: Uint8Array = new Uint8Array(0);
  let date = { year: 2026, month: 6, day: 14 };
  // The station clock: the simulated one moved by the last 0xF6.
  let offsetMs = 0;
  let lostAnswers = options.loseStartUpAnswers ?? 0;
  let inserted: SimulatedCard | undefined;
  let insertedRead = false;
  let insertedAcked = false;
  let read = 0;
  let acknowledged = 0;
  const nowMs = () =>
    (((simulatedClockMs(index) + offsetMs) % dayMs) + dayMs) % dayMs;

  const clock = (ms: number) => {
    const seconds = Math.floor(ms / 1000);
    return {
      pm: seconds >= 43_200,
      seconds12: seconds % 43_200,
      tss: Math.floor(((ms % 1000) * 256) / 1000),
    };
  };

  const next = (): SimulatedRead => {
    index += 1;
    const { pm, seconds12, tss } = clock(nowMs());
    const chip = 500_000 + ((index * 7_919) % 1_000_000);
    const address = pointer;
    memory.set(
      [
        (chip >> 16) & 0xff,
        (chip >> 8) & 0xff,
        chip & 0xff,
        ((date.year - 2000) << 2) | (date.month >> 2),
        ((date.month & 3) << 6) | (date.day << 1) | (pm ? 1 : 0),
        seconds12 >> 8,
        seconds12 & 0xff,
        tss,
      ],
      address,
    );
    pointer = (pointer + 8) % memoryBytes;
    const passing: Passing = {
      kind: 'passing',
      protocol: 'sportident',
      offset: 0,
      chip: String(chip),
      station,
      time: siTimeOfDay(seconds12, pm, tss),
      extra: { memoryAddress: address, subSecond256: tss, dayOfWeek: 'sunday' },
    };
    const frame = encodeSiPunch(passing);
    return { passing, frames: frame ? [frame] : [] };
  };

  const stationTime = (command: number) => {
    const { pm, seconds12, tss } = clock(nowMs());
    return encodeSiFrame(command, [
      0,
      station,
      date.year - 2000,
      date.month,
      date.day,
      encodeTd({ pm, dayOfWeek: 0, weekCounter: 0 }),
      seconds12 >> 8,
      seconds12 & 0xff,
      tss,
    ]);
  };

  const cardSent = () => {
    if (!insertedRead) read += 1;
    insertedRead = true;
  };

  const answer = (frame: Uint8Array): Uint8Array => {
    const command = frame[1] ?? 0;
    const data = frame.subarray(3, frame.length - 3);
    switch (command) {
      case 0xf0:
        if (lostAnswers > 0) {
          lostAnswers -= 1;
          return new Uint8Array(0);
        }
        return encodeSiFrame(0xf0, [0, station, data[0] ?? 0x4d]);
      case 0xf6: {
        // YY MM DD TD TH TL TSS: the clock keeps running from there.
        const td = data[3] ?? 0;
        const seconds =
          (td & 1 ? 43_200 : 0) + (((data[4] ?? 0) << 8) | (data[5] ?? 0));
        const ms = seconds * 1000 + Math.floor(((data[6] ?? 0) * 1000) / 256);
        offsetMs = ms - simulatedClockMs(index);
        date = {
          year: 2000 + (data[0] ?? 0),
          month: data[1] ?? 1,
          day: data[2] ?? 1,
        };
        options.log?.(
          `clock set to ${date.year}-${date.month}-${date.day} ` +
            `${siTimeOfDay(seconds % 43_200, seconds >= 43_200)}`,
        );
        return stationTime(0xf6);
      }
      case 0xb1:
      case 0xe1:
      case 0xef: {
        // The card's memory, if the command is the one for its family:
        // 0xB1 the whole SI5, else the block asked for, block 8 meaning
        // every block that holds data.
        if (!inserted) return Uint8Array.of(NAK);
        const memory = cardMemory(inserted);
        if (readCommandOf(memory.type) !== command) return Uint8Array.of(NAK);
        if (command === 0xb1) {
          const whole = memory.block(0);
          if (!whole) return Uint8Array.of(NAK);
          cardSent();
          return encodeSiFrame(0xb1, [0, station, ...whole]);
        }
        const wanted = data[0] ?? 0;
        const numbers = memory.blocksFor(wanted);
        if (numbers.length === 0) return Uint8Array.of(NAK);
        if (wanted === 8) cardSent();
        return joinAll(
          numbers.flatMap((number) => {
            const block = memory.block(number);
            return block
              ? [encodeSiFrame(command, [0, station, number, ...block])]
              : [];
          }),
        );
      }
      case 0x81: {
        const address =
          ((data[0] ?? 0) << 16) | ((data[1] ?? 0) << 8) | (data[2] ?? 0);
        const count = Math.min(128, data[3] ?? 0);
        const bytes = new Uint8Array(count);
        bytes.set(
          memory.subarray(address, Math.min(address + count, memoryBytes)),
        );
        return encodeSiFrame(0x81, [
          0,
          station,
          ...data.subarray(0, 3),
          ...bytes,
        ]);
      }
      case 0xf7:
        return stationTime(command);
      case 0x83: {
        const count = Math.min(128, data[1] ?? 0);
        return encodeSiFrame(0x83, [
          0,
          station,
          data[0] ?? 0,
          ...new Uint8Array(count),
        ]);
      }
      default:
        return Uint8Array.of(NAK);
    }
  };

  const hear = (bytes: Uint8Array): Uint8Array[] => {
    const buf = joinBytes(pending, bytes);
    const answers: Uint8Array[] = [];
    let pos = 0;
    while (pos < buf.length) {
      const scan = scanSiFrame(buf, pos, buf.length);
      if (scan.type === 'partial') break;
      if (scan.type === 'frame' && scan.length === 1) {
        // The host's ACK after a card read: the station beeps.
        if (buf[pos] === ACK && insertedRead && !insertedAcked) {
          insertedAcked = true;
          acknowledged += 1;
        }
        pos += 1;
      } else if (scan.type === 'frame') {
        const reply = answer(buf.subarray(pos, pos + scan.length));
        if (reply.length > 0) answers.push(reply);
        pos += scan.length;
      } else {
        pos += 1;
      }
    }
    pending = buf.slice(pos);
    return answers;
  };

  return {
    protocol: 'sportident',
    next,
    hear,
    reset: () => {
      memory.fill(0);
      pointer = 0;
    },
    insertCard: (card) => {
      inserted = card;
      insertedRead = false;
      insertedAcked = false;
      const type = card.cardType ?? 'SI8';
      return encodeSiFrame(insertCommandOf(type), [
        0,
        station,
        ...encodeSiCardNumber(card.chip),
      ]);
    },
    removeCard: () => {
      const card = inserted;
      inserted = undefined;
      if (!card) return new Uint8Array(0);
      return encodeSiFrame(0xe7, [
        0,
        station,
        ...encodeSiCardNumber(card.chip),
      ]);
    },
    readouts: () => ({ read, acknowledged }),
  };
};

const joinAll = (parts: Uint8Array[]) =>
  parts.reduce((all, part) => joinBytes(all, part), new Uint8Array(0));
