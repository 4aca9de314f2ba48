// One queue for every write the desk makes, so each operation is validated
// against the state the previous one left, and sequence numbers are handed
// out in the order operations reach the disk.

export type WriteQueue = {
  run<T>(task: () => Promise<T>): Promise<T>;
};

export const createWriteQueue = (): WriteQueue => {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task);
      // A failed task must not stop the ones queued after it.
      tail = result.catch(() => undefined);
      return result;
    },
  };
};
