// Text from a spreadsheet can hold what neither XML 1.0 nor a line-based
// CSV importer accepts: control characters pasted into a name, line breaks,
// half a surrogate pair. A stray character must not stop a start list, so
// line breaks and tabs become one space, other controls go, and a broken
// surrogate becomes U+FFFD.

const lineBreaks = /[\t\r\n]+/g;
// C0 controls but tab/CR/LF, and the two non-characters XML 1.0 forbids.
// biome-ignore lint/suspicious/noControlCharactersInRegex: they go
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const loneSurrogate =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// One test first: almost every text needs no change, and three replaces on
// every cell of a 50,000-person list add up.
// biome-ignore lint/suspicious/noControlCharactersInRegex: found here
const suspect = /[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

export const cleanText = (text: string): string =>
  suspect.test(text)
    ? text
        .replace(lineBreaks, ' ')
        .replace(forbidden, '')
        .replace(loneSurrogate, '\ufffd')
    : text;
