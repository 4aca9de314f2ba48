// Line faults a simulated device can inject on request, to rehearse what a
// bad cable, a flat battery or a dropped connector does to the host.

export type Fault = 'noise' | 'bad-checksum' | 'partial' | 'reset';

export const faultNames: readonly Fault[] = [
  'noise',
  'bad-checksum',
  'partial',
  'reset',
];

export const isFault = (value: string): value is Fault =>
  faultNames.some((name) => name === value);

/** A small deterministic generator (mulberry32), so runs repeat. */
export const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/** Random bytes; a Timy line noise burst ends with CR like any line. */
export const noiseBytes = (random: () => number, lineBased: boolean) => {
  const length = 4 + Math.floor(random() * 30);
  const bytes = Array.from({ length }, () => Math.floor(random() * 256));
  return Uint8Array.from(lineBased ? [...bytes, 0x0d] : bytes);
};

/** The frame with one bit flipped in the middle: its check must fail. */
export const damaged = (frame: Uint8Array): Uint8Array => {
  const copy = frame.slice();
  const at = Math.floor(copy.length / 2);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
};

/** The first half of a frame, as when the device stops mid-way. */
export const truncated = (frame: Uint8Array): Uint8Array =>
  frame.slice(0, Math.max(1, Math.floor(frame.length / 2)));
