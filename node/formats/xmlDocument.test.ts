// xmlDocument (shared/formats) against xmlbuilder2, the library the project
// picked for writing XML: the same tree must give the same bytes.

import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { demoExport } from '../../shared/demo/demoExport';
import { cleanText } from '../../shared/formats/cleanText';
import { iofEntryList } from '../../shared/formats/iofEntryList';
import {
  entrantsFromParticipants,
  timingClasses,
} from '../../shared/formats/timingClasses';
import { xmlDocument } from '../../shared/formats/xmlDocument';
import { element, type XmlElement } from '../../shared/formats/xmlElement';
import { foldSheet } from '../../shared/isonen/fold';

const addTo = (parent: XMLBuilder, node: XmlElement, namespace: string) => {
  const { xmlns: _root, ...attributes } = node.attributes;
  const cleaned = Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [key, cleanText(value)]),
  );
  const child = parent.ele(namespace, node.name, cleaned);
  if (typeof node.content === 'string') {
    const text = cleanText(node.content);
    if (text !== '') child.txt(text);
    return;
  }
  for (const grandChild of node.content) addTo(child, grandChild, namespace);
};

const withXmlbuilder2 = (root: XmlElement): string => {
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  addTo(document, root, root.attributes.xmlns ?? '');
  return `${document.end({ prettyPrint: true, indent: '  ' })}\n`;
};

describe('xmlDocument', () => {
  it('escapes text and attributes as xmlbuilder2 does', () => {
    const root = element(
      'Root',
      [
        element('Name', 'A & <b> "q" \'s\' æøå'),
        element('Empty', ''),
        element('Nothing', []),
        element('Nested', [element('Leaf', '1')], { code: 'a"b<c>&d' }),
        element('Odd', 'tab\there\r\nline\u0001\ud800'),
      ],
      { xmlns: 'urn:test', creator: 'x' },
    );
    const text = xmlDocument(root);
    expect(text).toBe(withXmlbuilder2(root));
    expect(text).toContain('<Name>A &amp; &lt;b&gt; "q" \'s\' æøå</Name>');
    expect(text).toContain('<Odd>tab here line\ufffd</Odd>');
  });

  it('writes a demo entry list byte for byte as xmlbuilder2 does', () => {
    const fold = foldSheet(demoExport({ participants: 150, seed: 2 }), {
      eventId: 'event-1',
      now: '2025-06-01T12:00:00.000Z',
    });
    const list = iofEntryList(
      timingClasses(entrantsFromParticipants(fold.participants)),
      { eventName: 'Demo', createdAt: '2025-06-14T08:00:00Z' },
    );
    expect(xmlDocument(list)).toBe(withXmlbuilder2(list));
  });
});
