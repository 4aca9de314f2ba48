const polynomial = 0x8005;

/**
 * SportIdent's CRC-16 as in the "PC programmer's guide" reference routine:
 * the first two bytes seed the register, the rest is shifted in 16 bits at a
 * time, and a final zero word (or the odd last byte, high-aligned) is shifted
 * in as well. It covers CMD, LEN and DATA of an extended-protocol frame.
 */
export const siCrc = (
  bytes: Uint8Array,
  from = 0,
  to = bytes.length,
): number => {
  const count = to - from;
  if (count < 2) return 0;
  const at = (index: number) => bytes[from + index] ?? 0;
  let crc = (at(0) << 8) | at(1);
  if (count === 2) return crc;

  let index = 2;
  for (let words = count >> 1; words > 0; words--) {
    let value: number;
    if (words > 1) {
      value = (at(index) << 8) | at(index + 1);
      index += 2;
    } else {
      value = count & 1 ? at(index) << 8 : 0;
    }
    for (let bit = 0; bit < 16; bit++) {
      const carry = crc & 0x8000;
      crc = (crc << 1) & 0xffff;
      if (value & 0x8000) crc += 1;
      if (carry) crc ^= polynomial;
      value = (value << 1) & 0xffff;
    }
  }
  return crc & 0xffff;
};
