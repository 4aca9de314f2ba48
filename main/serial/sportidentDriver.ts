// SportIdent BSM7/BSM8 in extended protocol: direct (master) mode at start,
// backup memory read from the last record seen after each reconnect, a
// card put on a readout station read out, and the station clock set.

import { fail, ok } from '../../shared/contract/result';
import type { DeviceMessage } from '../../shared/timing/passing';
import {
  readBackupMemory,
  readSi5,
  readSi6,
  readSi8Plus,
  setMsMode,
  setStationTime,
} from '../../shared/timing/sportident/commands';
import { ACK } from '../../shared/timing/sportident/frame';
import type { DeviceDriver, DriverContext, WallClock } from './deviceDriver';

/** Bytes per read: 16 records of 8 bytes, what one 0x81 answer carries. */
const blockBytes = 128;
const recordBytes = 8;
const lastAddress = 0xffffff;
const answerMs = 1500;

const readBlock = async (context: DriverContext, address: number) => {
  for (let attempt = 0; attempt < 2; attempt++) {
    const answer = context.session.waitFor(
      (message) =>
        message.type === 'si-backup-block' && message.data.address === address,
      answerMs,
    );
    await context.session.write(readBackupMemory(address, blockBytes));
    const block = await answer;
    if (block) return block;
  }
  return undefined;
};

/**
 * Reads from `from` until a block is not full (the end of what the station
 * wrote) or past `to`. The passings in each block reach the journal through
 * the session's decoder like any other; duplicates are dropped there.
 */
const readFrom = async (context: DriverContext, from: number, to?: number) => {
  // Shown as reading only once there is something to read: the periodic
  // poll usually finds an empty block and should not make the state blink.
  let shown = false;
  try {
    let address = from;
    while (address <= (to ?? lastAddress) && context.session.isOpen()) {
      const block = await readBlock(context, address);
      if (!block) return;
      const { records, punches } = block.data;
      if (typeof punches !== 'number' || punches < Number(records)) return;
      if (!shown) context.reading('backup-memory');
      shown = true;
      address += blockBytes;
    }
  } finally {
    if (shown) context.reading(undefined);
  }
};

/** A whole card read takes 3 answers of 128 bytes: 0.3 s at 4 800 baud. */
const cardMs = 3000;

/**
 * A card put on a station in readout mode (0xE5 SI5, 0xE6 SI6, 0xE8 SI8
 * and newer): read its memory, as the programmer's guide says (0xB1 for
 * SI5, block 8 of 0xE1 or 0xEF for the rest: every block that holds
 * data), then ACK so the station beeps. The decoder assembles the answer
 * into 'si-card-readout'; the session turns its punches into passings.
 */
const readCard = async (context: DriverContext, inserted: DeviceMessage) => {
  const { session } = context;
  const { cardType } = inserted.data;
  const command =
    cardType === 'SI5'
      ? readSi5()
      : cardType === 'SI6'
        ? readSi6(8)
        : readSi8Plus(8);
  for (let attempt = 0; attempt < 2 && session.isOpen(); attempt++) {
    const answer = session.waitFor(
      (message) =>
        message.type === 'si-card-readout' ||
        message.type === 'si-card-removed',
      cardMs,
    );
    await session.write(command);
    const read = await answer;
    if (read?.type === 'si-card-removed') return;
    if (read) {
      await session.write(Uint8Array.of(ACK));
      return;
    }
  }
};

const setClock = async (context: DriverContext, clock: WallClock) => {
  const { session } = context;
  for (let attempt = 0; attempt < 2 && session.isOpen(); attempt++) {
    const answer = session.waitFor(
      (message) => message.type === 'si-station-time',
      2000,
    );
    await session.write(setStationTime(clock));
    const time = await answer;
    if (time) {
      return ok({ deviceTime: `${time.data.date} ${time.data.time}` });
    }
  }
  return fail('no-answer', 'The station did not answer the clock setting');
};

export const sportidentDriver: DeviceDriver = {
  startUp: async ({ session }) => {
    const answer = session.waitFor(
      (message) =>
        message.type === 'si-response' && message.data.command === 0xf0,
      1000,
    );
    await session.write(setMsMode('direct'));
    return (await answer) !== undefined;
  },
  // A lost answer at the right speed must not send us to the wrong one.
  startUpAttempts: 3,
  onMessage: async (context, message) => {
    if (message.type === 'si-card-inserted') await readCard(context, message);
  },
  setClock,
  recover: async (context) => {
    const { lastCounter } = context.journal.cursor(context.device);
    // With nothing journaled yet there is no "last seen": reading the whole
    // memory would bring in punches from earlier events.
    if (lastCounter === undefined) return;
    await readFrom(context, lastCounter + recordBytes);
  },
  fillGap: (context, from, to) => readFrom(context, from, to),
  afterReset: (context, firstCounter) =>
    firstCounter > 0 ? readFrom(context, 0, firstCounter) : Promise.resolve(),
  polls: true,
};
