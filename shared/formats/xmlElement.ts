// An XML document as plain data: the formats in this folder build it and
// xmlDocument.ts writes it out. Keeping the tree apart from the text keeps
// every decision about content testable without parsing XML back.

export type XmlElement = {
  name: string;
  /** Attribute values in the order they are written. */
  attributes: Record<string, string>;
  /** Child elements in schema order, or the element's text. */
  content: XmlElement[] | string;
};

/** An element; attributes with an empty value are left out. */
export const element = (
  name: string,
  content: XmlElement[] | string,
  attributes: Record<string, string> = {},
): XmlElement => ({
  name,
  attributes: Object.fromEntries(
    Object.entries(attributes).filter(([, value]) => value !== ''),
  ),
  content,
});

/** An element with text, or nothing when the text is empty. */
export const optionalText = (
  name: string,
  text: string,
  attributes: Record<string, string> = {},
): XmlElement[] => (text === '' ? [] : [element(name, text, attributes)]);
