// SportIdent BSM7/BSM8 in extended protocol: direct (master) mode at start,
// backup memory read from the last record seen after each reconnect.

import {
  readBackupMemory,
  setMsMode,
} from '../../shared/timing/sportident/commands';
import type { DeviceDriver, DriverContext } from './deviceDriver';

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
