// Emit MTR4: a status request at every (re)connect tells the newest package
// number and where the session started; what is missing is spooled.

import {
  mtrGetPackage,
  mtrSpoolFrom,
  mtrStatus,
} from '../../shared/timing/emit/mtr4';
import type { DeviceDriver, DriverContext } from './deviceDriver';

/** 234 bytes at 9600 baud take 244 ms; allow a little more per package. */
const packageMs = 300;
const fewPackages = 20;

const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

const spool = async (context: DriverContext, from: number, to: number) => {
  const { session, journal, device } = context;
  const count = to - from + 1;
  session.expectMemory(from, to, count * packageMs + 5000);
  context.reading('spool');
  try {
    await session.write(mtrSpoolFrom(from));
    const until = Date.now() + count * packageMs + 2000;
    const done = () => (journal.cursor(device).lastCounter ?? -1) >= to;
    // Over when the last asked-for package is in, or the line goes quiet.
    await sleep(packageMs);
    while (session.isOpen() && !done() && Date.now() < until) {
      if (session.idleMs() > 4 * packageMs) return;
      await sleep(50);
    }
  } finally {
    context.reading(undefined);
  }
};

export const mtr4Driver: DeviceDriver = {
  startUp: async () => true,
  recover: async (context) => {
    const { session, journal, device } = context;
    const answer = session.waitFor((m) => m.type === 'mtr-status', 1500);
    await session.write(mtrStatus());
    const status = await answer;
    if (!status) return;
    const recent = Number(status.data.recentPackage);
    const sessionStart = Math.max(1, Number(status.data.currentSessionStart));
    let { lastCounter } = journal.cursor(device);
    if (lastCounter !== undefined && recent < lastCounter) {
      // Cleared or reset while we were away: its numbers start over.
      await journal.startSession(device);
      lastCounter = undefined;
    }
    const from = lastCounter === undefined ? sessionStart : lastCounter + 1;
    if (from <= recent) await spool(context, from, recent);
  },
  fillGap: async (context, from, to) => {
    if (to - from + 1 > fewPackages) {
      await spool(context, from, to);
      return;
    }
    context.session.expectMemory(from, to, 10_000);
    for (let number = from; number <= to; number++) {
      await context.session.write(mtrGetPackage(number));
    }
  },
  afterReset: async (context, firstCounter) => {
    if (firstCounter > 1)
      await mtr4Driver.fillGap(context, 1, firstCounter - 1);
  },
  polls: true,
};
