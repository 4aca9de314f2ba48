// Serialises an XmlElement tree (shared/formats) with xmlbuilder2, which
// escapes text and attributes; cleanText first drops what XML 1.0 cannot
// carry at all. The root's xmlns becomes the default
// namespace of every element below it, as IOF XML wants.

import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { cleanText } from '../../shared/formats/cleanText';
import type { XmlElement } from '../../shared/formats/xmlElement';

const addChildren = (
  parent: XMLBuilder,
  node: XmlElement,
  namespace: string,
) => {
  const { xmlns: _namespace, ...attributes } = node.attributes;
  const child = parent.ele(
    namespace,
    node.name,
    Object.fromEntries(
      Object.entries(attributes).map(([key, value]) => [key, cleanText(value)]),
    ),
  );
  if (typeof node.content === 'string') {
    const text = cleanText(node.content);
    if (text !== '') child.txt(text);
    return;
  }
  for (const grandChild of node.content) {
    addChildren(child, grandChild, namespace);
  }
};

/** UTF-8 XML text, two-space indented, with a final line break. */
export const writeXml = (root: XmlElement): string => {
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  addChildren(document, root, root.attributes.xmlns ?? '');
  return `${document.end({ prettyPrint: true, indent: '  ' })}\n`;
};
