// Command line of `npm run bench`: --participants N (default 50,000, the
// size issue #2 asks about), --seed S for the demo export, and --profile to
// run the store's steps under the CPU profiler.

export type BenchArgs = {
  participants: number;
  seed: number;
  profile: boolean;
};

const readNumber = (
  argv: readonly string[],
  flag: string,
  fallback: number,
): number => {
  const index = argv.indexOf(flag);
  if (index === -1) return fallback;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${flag} wants a positive whole number`);
  }
  return value;
};

export const parseArgs = (argv: readonly string[]): BenchArgs => ({
  participants: readNumber(argv, '--participants', 50_000),
  seed: readNumber(argv, '--seed', 2),
  profile: argv.includes('--profile'),
});
