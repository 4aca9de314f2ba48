import { describe, expect, it } from 'vitest';

import { bytesHoldValue, holdsValue } from './storedData';

// V8's serializer as IndexedDB uses it: '"' + length + Latin-1 bytes, or
// 'c' + byte length + UTF-16LE.
const oneByte = (text: string) =>
  Buffer.concat([
    Buffer.from([0x22, text.length]),
    Buffer.from(text, 'latin1'),
  ]);
const twoByte = (text: string) =>
  Buffer.concat([
    Buffer.from([0x63, text.length * 2]),
    Buffer.from(text, 'utf16le'),
  ]);

describe('stored values as the privacy specs look for them', () => {
  it('finds a name stored alone or beside punctuation', () => {
    expect(holdsValue('{"lastName":"Holm"}', 'Holm')).toBe(true);
    expect(holdsValue('Kari Holm', 'Holm')).toBe(true);
    expect(bytesHoldValue(oneByte('Holm'), 'Holm')).toBe(true);
    expect(bytesHoldValue(twoByte('Høstløpet'), 'Høstløpet')).toBe(true);
    expect(bytesHoldValue(Buffer.from('Åse Holm', 'utf8'), 'Holm')).toBe(true);
  });

  it('finds no name that random base64 happens to spell', () => {
    const sealed = '"sealed":"event:q9xHolmZ3+/aa=="';
    expect(holdsValue(sealed, 'Holm')).toBe(false);
    expect(bytesHoldValue(oneByte(sealed), 'Holm')).toBe(false);
    expect(bytesHoldValue(twoByte(sealed), 'Holm')).toBe(false);
  });

  it('finds a name that also stands alone elsewhere in the same text', () => {
    expect(holdsValue('aHolmb "Holm"', 'Holm')).toBe(true);
  });
});
