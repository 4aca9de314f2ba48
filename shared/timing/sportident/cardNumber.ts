/**
 * SI-Card numbers from the four bytes SI3 SI2 SI1 SI0 (most significant
 * first), as the SportIdent programmer's guide describes them:
 * - SI-Card 5 keeps a series byte (CNS, in SI2) and a 16-bit number; the
 *   printed number is CNS * 100 000 + number, except series 0 and 1, which
 *   print the bare number. Such values are below 500 000 as 24 bits.
 * - SI-Card 6, 8, 9, 10, 11, SIAC, pCard: the 24 bits SI2 SI1 SI0 are the
 *   printed number; SI3 carries the card family and is not part of it.
 * The ranges do not overlap: 0x04FFFF (the highest SI5 value) < 500 000.
 */
export const decodeSiCardNumber = (
  si3: number,
  si2: number,
  si1: number,
  si0: number,
): number => {
  const raw = (si2 << 16) | (si1 << 8) | si0;
  if (si3 !== 0 || raw >= 500_000) return raw;
  const number = (si1 << 8) | si0;
  return si2 < 2 ? number : si2 * 100_000 + number;
};

/**
 * The bytes SI3 SI2 SI1 SI0 a station sends for a printed card number.
 * Numbers 65 536..199 999 and SI5 numbers whose last five digits exceed
 * 65 535 exist on no card and do not round-trip.
 */
export const encodeSiCardNumber = (
  card: number,
): [number, number, number, number] => {
  if (card < 500_000 && card >= 200_000 && card % 100_000 <= 0xffff) {
    const series = Math.floor(card / 100_000);
    const number = card % 100_000;
    return [0, series, number >> 8, number & 0xff];
  }
  if (card <= 0xffff) return [0, 0, card >> 8, card & 0xff];
  return [0, (card >> 16) & 0xff, (card >> 8) & 0xff, card & 0xff];
};
