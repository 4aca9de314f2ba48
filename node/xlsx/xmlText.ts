// Small helpers for scanning OOXML text with indexOf rather than a SAX
// parser: the parts an .xlsx reader needs are flat and machine-written, and
// exceljs's parser spent most of readSheet's 8 s on them (fastSheets.ts).

const namedEntities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** XML text with its entity and character references replaced. */
export const decodeXml = (text: string): string => {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    const code = name.startsWith('#x')
      ? Number.parseInt(name.slice(2), 16)
      : name.startsWith('#')
        ? Number.parseInt(name.slice(1), 10)
        : Number.NaN;
    if (!Number.isNaN(code)) return String.fromCodePoint(code);
    return namedEntities[name] ?? whole;
  });
};

/**
 * A copy of text that does not keep the string it was cut from alive:
 * V8 shares memory between a slice of 13+ characters and its source, so
 * one kept cell text would hold a whole megabyte chunk of sheet XML.
 */
export const detached = (text: string): string =>
  text.length < 13 ? text : ` ${text}`.slice(1);

const isSpace = (code: number) =>
  code === 32 || code === 9 || code === 10 || code === 13;

/**
 * The raw (undecoded) value of attribute `name` in a start tag, or null.
 * Names are matched whole, so `r` does not find `xr` or `ref`. Give it
 * the tag alone: the search runs to the end of the string.
 */
export const attribute = (tag: string, name: string): string | null => {
  let at = tag.indexOf(name);
  while (at > 0) {
    const after = at + name.length;
    if (isSpace(tag.charCodeAt(at - 1))) {
      let eq = after;
      while (isSpace(tag.charCodeAt(eq))) eq++;
      if (tag.charCodeAt(eq) === 61 /* = */) {
        let open = eq + 1;
        while (isSpace(tag.charCodeAt(open))) open++;
        const quote = tag[open];
        if (quote === '"' || quote === "'") {
          const close = tag.indexOf(quote, open + 1);
          return close < 0 ? null : tag.slice(open + 1, close);
        }
      }
    }
    at = tag.indexOf(name, after);
  }
  return null;
};

/**
 * Where the next element `<name` starts at or after `from` (and before
 * `end`), skipping longer names that share the prefix (`<row` vs `<rows`).
 */
export const findElement = (
  text: string,
  name: string,
  from: number,
  end: number = text.length,
): number => {
  const open = `<${name}`;
  let at = text.indexOf(open, from);
  while (at >= 0 && at < end) {
    const next = text.charCodeAt(at + open.length);
    if (next === 62 /* > */ || next === 47 /* / */ || isSpace(next)) {
      return at;
    }
    at = text.indexOf(open, at + open.length);
  }
  return -1;
};

/**
 * The text of a string item (an `<si>` or `<is>` body): every `<t>` joined,
 * so rich-text runs read as one string; phonetic runs (`<rPh>`) are not
 * the cell's text and are left out.
 */
export const stringItemText = (item: string): string => {
  const body = item.includes('<rPh')
    ? item.replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, '')
    : item;
  let result = '';
  let at = findElement(body, 't', 0);
  while (at >= 0) {
    const tagEnd = body.indexOf('>', at);
    if (tagEnd < 0) break;
    if (body.charCodeAt(tagEnd - 1) === 47 /* / */) {
      at = findElement(body, 't', tagEnd);
      continue;
    }
    const close = body.indexOf('</t>', tagEnd);
    if (close < 0) break;
    result += body.slice(tagEnd + 1, close);
    at = findElement(body, 't', close + 4);
  }
  return detached(decodeXml(result));
};
