// XML text from an XmlElement tree, indented by two spaces.
//
// Written here rather than with xmlbuilder2 (ARCHITECTURE.md's pick for
// writing XML) because of what it cost at this project's scale. The start
// list of a 50,000-participant demo event (66,000 starts, 35 MB of XML),
// measured in CPU time on the shared 2-core machine: xmlbuilder2 13.2 s and
// 1.75 GB of memory, this loop 3.6 s and 0.7 GB (most of that the
// participants themselves), with the same bytes. Serialising a class or a
// person at a time with xmlbuilder2 did not help. xmlbuilder2 also needs
// Node's `events` module, which shared/ must not import. Escaping is the
// whole of the job; xmlDocument.test.ts checks byte equality with
// xmlbuilder2 so the library stays the reference.

import { cleanText } from './cleanText';
import type { XmlElement } from './xmlElement';

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

const textSpecials = /[&<>]/;
const attributeSpecials = /[&<>"]/;

const escapeText = (text: string) =>
  textSpecials.test(text)
    ? text.replace(/[&<>]/g, (char) => entities[char] ?? char)
    : text;

const escapeAttribute = (text: string) =>
  attributeSpecials.test(text)
    ? text.replace(/[&<>"]/g, (char) => entities[char] ?? char)
    : text;

const attributeText = (attributes: Record<string, string>): string =>
  Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeAttribute(cleanText(value))}"`)
    .join('');

const indents = Array.from({ length: 12 }, (_, depth) => '  '.repeat(depth));

const writeElement = (node: XmlElement, depth: number, lines: string[]) => {
  const indent = indents[depth] ?? '  '.repeat(depth);
  const open = `${indent}<${node.name}${attributeText(node.attributes)}`;
  if (typeof node.content === 'string') {
    const text = cleanText(node.content);
    lines.push(
      text === '' ? `${open}/>` : `${open}>${escapeText(text)}</${node.name}>`,
    );
    return;
  }
  if (node.content.length === 0) {
    lines.push(`${open}/>`);
    return;
  }
  lines.push(`${open}>`);
  for (const child of node.content) writeElement(child, depth + 1, lines);
  lines.push(`${indent}</${node.name}>`);
};

/** A UTF-8 XML document with a final line break. */
export const xmlDocument = (root: XmlElement): string => {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  writeElement(root, 0, lines);
  return `${lines.join('\n')}\n`;
};
