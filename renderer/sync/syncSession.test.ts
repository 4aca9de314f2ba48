import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../shared/contract/result';
import type { CentralTransport } from '../../shared/sync/desk/ports';
import { pullingAhead } from './syncSession';

/** A service of three pages (checkpoints 0 → 10 → 20 → 30), calls logged. */
const pagedService = (failing: Set<number> = new Set()) => {
  const asked: number[] = [];
  const transport: CentralTransport = {
    push: async () => fail('internal', 'no push here'),
    lease: async () => fail('internal', 'no lease here'),
    watch: () => () => undefined,
    pull: async (checkpoint) => {
      asked.push(checkpoint);
      if (failing.delete(checkpoint)) return fail('offline', 'cut');
      const next = checkpoint + 10;
      return ok({ documents: [], checkpoint: next, hasMore: next < 30 });
    },
  };
  return { transport, asked };
};

const checkpointOf = async (
  transport: CentralTransport,
  from: number,
): Promise<number | string> => {
  const page = await transport.pull(from, 500);
  return page.ok ? page.value.checkpoint : page.error.code;
};

describe('pull pages asked ahead', () => {
  it('asks for the next page as soon as one says there is more, and hands each out once, in order', async () => {
    const { transport, asked } = pagedService();
    const ahead = pullingAhead(transport);

    expect(await checkpointOf(ahead, 0)).toBe(10);
    expect(asked).toEqual([0, 10]);
    expect(await checkpointOf(ahead, 10)).toBe(20);
    expect(await checkpointOf(ahead, 20)).toBe(30);
    // The last page says no more: nothing asked beyond it.
    expect(asked).toEqual([0, 10, 20]);
    // A page asked again (its store failed) is fetched anew.
    expect(await checkpointOf(ahead, 20)).toBe(30);
    expect(asked).toEqual([0, 10, 20, 20]);
  });

  it('asks again for a page whose early fetch failed, and ignores one asked ahead for another checkpoint', async () => {
    const { transport, asked } = pagedService(new Set([10]));
    const ahead = pullingAhead(transport);

    expect(await checkpointOf(ahead, 0)).toBe(10);
    expect(await checkpointOf(ahead, 10)).toBe(20);
    expect(asked).toEqual([0, 10, 10, 20]);
    expect(await checkpointOf(ahead, 0)).toBe(10);
    expect(asked).toEqual([0, 10, 10, 20, 0, 10]);
  });
});
