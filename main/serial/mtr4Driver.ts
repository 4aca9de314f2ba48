// Emit MTR4: a status request at every (re)connect tells the newest package
// number and where the session started; what is missing is spooled.

import { fail, ok } from '../../shared/contract/result';
import {
  mtrGetPackage,
  mtrSetClock,
  mtrSpoolFrom,
  mtrStatus,
} from '../../shared/timing/emit/mtr4';
import type { DeviceDriver, DriverContext } from './deviceDriver';
import type { DeviceSession } from './deviceSession';

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

/**
 * Status answers carry no request id: an answer that comes after its
 * request timed out must not be taken for the answer to the next one (its
 * older package number would look like a counter gone back).
 */
const lateAnswers = new WeakMap<DeviceSession, number>();

const askStatus = async ({ session, journal, device }: DriverContext) => {
  let skip = lateAnswers.get(session) ?? 0;
  // Packages decoded after the status in the same read are journaled
  // before this function resumes: compare with the cursor as it was.
  let cursorThen = journal.cursor(device);
  const answer = session.waitFor((message) => {
    if (message.type !== 'mtr-status') return false;
    if (skip > 0) {
      skip -= 1;
      lateAnswers.set(session, skip);
      return false;
    }
    cursorThen = journal.cursor(device);
    return true;
  }, 3000);
  await session.write(mtrStatus());
  const status = await answer;
  if (!status) lateAnswers.set(session, skip + 1);
  return status ? { status, cursorThen } : undefined;
};

export const mtr4Driver: DeviceDriver = {
  startUp: async () => true,
  recover: async (context) => {
    const { journal, device } = context;
    const answer = await askStatus(context);
    if (!answer) return;
    const { status, cursorThen } = answer;
    const recent = Number(status.data.recentPackage);
    const sessionStart = Math.max(1, Number(status.data.currentSessionStart));
    let { lastCounter } = cursorThen;
    if (lastCounter !== undefined && recent < lastCounter) {
      // Cleared or reset while we were away: its numbers start over. A
      // live package may have said so already.
      if (journal.cursor(device).session === cursorThen.session) {
        await journal.startSession(device);
      }
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
    const { session, journal, device } = context;
    const missing = () =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i).filter(
        (number) => !journal.hasCounter(device, number),
      );
    // Asked twice at most: an answer can itself be damaged on the line.
    for (let attempt = 0; attempt < 2 && missing().length > 0; attempt++) {
      session.expectMemory(from, to, 10_000);
      for (const number of missing()) {
        await session.write(mtrGetPackage(number));
      }
      const until = Date.now() + missing().length * packageMs + 1000;
      while (missing().length > 0 && Date.now() < until) await sleep(50);
    }
  },
  afterReset: async (context, firstCounter) => {
    if (firstCounter > 1)
      await mtr4Driver.fillGap(context, 1, firstCounter - 1);
  },
  // '/SC' has no answer of its own: the status that follows shows the clock.
  setClock: async (context, clock) => {
    await context.session.write(mtrSetClock(clock));
    const answer = await askStatus(context);
    if (!answer) {
      return fail(
        'no-answer',
        'The MTR did not answer after its clock was set',
      );
    }
    const { date, time } = answer.status.data;
    return ok({ deviceTime: `${String(date)} ${String(time)}` });
  },
  polls: true,
};
