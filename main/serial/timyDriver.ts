// ALGE Timy: checksums on at start; its memory is dumped after every
// (re)connect and after a damaged line, and the journal drops what it has.

import { timyCommand } from '../../shared/timing/alge/timyLine';
import type { DeviceDriver, DriverContext } from './deviceDriver';

/**
 * The command that makes the Timy send its stored times again. NOT checked
 * against an ALGE manual: no primary source for it was found. Searched
 * (Dec 2026): the Timy general manual's RS 232 chapter (output line
 * `yNNNNxCCCxHH:MM:SS.zhtq`, where a leading `m` marks a time sent from
 * memory, so a dump's lines decode like live ones), the Timy Terminal
 * manual (its `TER<addr><cmd>` and COMET-compatible command sets: clear,
 * stop, info, text, reset, beep; no memory read-out), the Timy2 and Timy3
 * manuals' interface pages (output formats only) and public source code
 * for Timy drivers (none found). ALGE's manuals show the memory being
 * printed or sent from the keypad menu, not on a PC command. Our simulator
 * answers this placeholder; change it here once verified on a device, and
 * until then a Timy's missed times are recovered by the operator starting
 * the memory output on the Timy itself (the journal drops the repeats).
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
