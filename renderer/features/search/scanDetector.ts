// A barcode or QR scanner acts as a keyboard: it types the whole code in a
// burst and ends with Enter. People rarely type faster than ~80 ms per key;
// hand-held scanners send a key every 5–30 ms. A code counts as scanned when
// every gap in its burst is under maxGapMs.

export type ScanDetectorOptions = {
  /** Longest pause between two keys of one scan. */
  maxGapMs: number;
  /** Shortest code a scanner sends; shorter bursts are typing. */
  minLength: number;
};

export type ScanDetector = {
  /** A printable key was typed at time `at` (ms). */
  key(char: string, at: number): void;
  /** Enter at time `at`: the scanned code, or null if it was typing. */
  enter(at: number): string | null;
  reset(): void;
};

export const defaultScanOptions: ScanDetectorOptions = {
  // Headroom over 30 ms: a busy main thread can stretch the gaps a little.
  maxGapMs: 50,
  minLength: 3,
};

export const createScanDetector = (
  options: ScanDetectorOptions = defaultScanOptions,
): ScanDetector => {
  let burst = '';
  let lastAt = Number.NEGATIVE_INFINITY;

  const reset = () => {
    burst = '';
    lastAt = Number.NEGATIVE_INFINITY;
  };

  return {
    key(char, at) {
      // A slow key starts a new burst: what came before was typed by hand.
      burst = at - lastAt <= options.maxGapMs ? burst + char : char;
      lastAt = at;
    },
    enter(at) {
      const code = burst;
      const quick = at - lastAt <= options.maxGapMs;
      reset();
      return quick && code.length >= options.minLength ? code : null;
    },
    reset,
  };
};
