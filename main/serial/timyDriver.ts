// ALGE Timy: checksums on at start; its memory is dumped after every
// (re)connect and after a damaged line, and the journal drops what it has.

import { timyCommand } from '../../shared/timing/alge/timyLine';
import type { DeviceDriver, DriverContext } from './deviceDriver';

/**
 * The command that makes the Timy send its stored times again. NOT checked
 * against a Timy manual yet (the RS232 command table we have does not list
 * it); our simulator answers it. Change it here once verified on a device.
 */
export const TIMY_MEMORY_DUMP = 'DUMP';

const dump = async (context: DriverContext) => {
  context.reading('memory-dump');
  try {
    await context.session.write(timyCommand(TIMY_MEMORY_DUMP));
    // The dump has no end marker: it is over when the line goes quiet.
    await context.session.waitQuiet(600, 120_000);
  } finally {
    context.reading(undefined);
  }
};

export const timyDriver: DeviceDriver = {
  startUp: async ({ session }) => {
    await session.write(timyCommand('CHK1'));
    return true;
  },
  recover: dump,
  fillGap: async () => undefined,
  afterReset: async () => undefined,
  afterBadFrame: async (context) => {
    // Let a burst of noise pass before asking for the whole memory.
    await context.session.waitQuiet(1000, 10_000);
    await dump(context);
  },
  polls: false,
};
