import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { coalesce } from './coalesce';

describe('coalesce', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const counted = (ms: number) => {
    let calls = 0;
    const call = coalesce(
      () => (calls += 1),
      ms,
      () => Date.now(),
    );
    return { call, calls: () => calls };
  };

  it('passes a lone change on at once', () => {
    const { call, calls } = counted(50);
    call();
    expect(calls()).toBe(1);
  });

  it('turns a burst into one call now and one at the end of the window', () => {
    const { call, calls } = counted(50);
    // A change every millisecond from 0 to 99 ms: one call at 0 and one at
    // 50, and the changes from 51 to 99 make one more at 100.
    for (let i = 0; i < 100; i += 1) {
      if (i > 0) vi.advanceTimersByTime(1);
      call();
    }
    expect(calls()).toBe(2);
    vi.advanceTimersByTime(1);
    expect(calls()).toBe(3);
    vi.advanceTimersByTime(500);
    expect(calls()).toBe(3);
  });

  it('never drops the last change of a burst', () => {
    const { call, calls } = counted(50);
    call();
    call();
    expect(calls()).toBe(1);
    vi.advanceTimersByTime(49);
    expect(calls()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(calls()).toBe(2);
  });

  it('calls nothing after cancel', () => {
    const { call, calls } = counted(50);
    call();
    call();
    call.cancel();
    vi.advanceTimersByTime(100);
    expect(calls()).toBe(1);
  });
});
