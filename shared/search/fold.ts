// Folding makes what a secretary types match what the registration holds:
// case, diacritics, the Nordic letters and their typed spellings. "Bjoern",
// "Bjorn", "bjørn" and "BJØRN" all fold to "bjorn"; "Haakon" and "Håkon" to
// "hakon"; "Baerum" and "Bærum" to "baerum". Both sides of a comparison go
// through the same fold, so a lossy fold (Joe -> jo) still matches itself.

const letters: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
};

const specialLetter = /[æøłđðþß]/g;
const combiningMark = /\p{M}/gu;

/** Lowercase, strip diacritics, spell out æ/ø/å and fold aa/oe. */
export const fold = (text: string): string =>
  text
    .toLowerCase()
    .replace(specialLetter, (letter) => letters[letter] ?? letter)
    .normalize('NFD')
    .replace(combiningMark, '')
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o');

const separator = /[^a-z0-9]+/;

/** The folded words of a text, without empty ones. */
export const foldTokens = (text: string): string[] =>
  fold(text)
    .split(separator)
    .filter((token) => token !== '');
