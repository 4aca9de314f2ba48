// ALGE Timy: checksums on at start; its memory is dumped after every
// (re)connect and after a damaged line, and the journal drops what it has.

import { timyCommand } from '../../shared/timing/alge/timyLine';
import type { DeviceDriver, DriverContext } from './deviceDriver';

/**
 * The command that makes the Timy send every stored time to the host
 * again: `RSM`, as metarace's Timy driver sends it for "a dump of all
 * times to host" (ndf-zz/metarace, src/metarace/timy.py, `dumpall`; it
 * drives real Timys at track meets). ALGE's own manuals show the memory
 * printed or sent from the keypad menu and name no PC command for it, so
 * this rests on that driver, not on ALGE. The dumped lines are the RS 232
 * output lines (`yNNNNxCCCxHH:MM:SS.zhtq`, a leading `m` for a time from
 * memory), so they decode like live ones and the journal drops the
 * repeats. If a Timy ignores it, the operator starts the memory output on
 * the Timy itself and the same path takes the lines.
 */
export const TIMY_MEMORY_DUMP = 'RSM';

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
