// The desk's keyboard map, shown on the buttons too. Kept pure so the map
// is tested without a DOM.

export type DeskAction =
  | 'check-in'
  | 'undo'
  | 'next-bib'
  | 'late-entry'
  | 'back';

export type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Focus is in a text field, where letters are text. */
  inTextField: boolean;
};

/** The keys printed on each action's button. */
export const actionKeys: Record<DeskAction, string[]> = {
  'check-in': ['Enter'],
  undo: ['Ctrl+Z', 'F8'],
  'next-bib': ['F6', 'B'],
  'late-entry': ['F9'],
  back: ['Esc'],
};

/**
 * The action a key press asks for anywhere on the desk page, or null.
 * Enter is not here: in the search box it picks or checks in depending on
 * what was typed, which the search box decides.
 */
export const globalDeskAction = (press: KeyPress): DeskAction | null => {
  const command = press.ctrlKey || press.metaKey;

  if (press.key === 'F8') return 'undo';
  if (command && !press.altKey && press.key.toLowerCase() === 'z') {
    return 'undo';
  }
  if (press.key === 'F6') return 'next-bib';
  if (press.key === 'F9') return 'late-entry';
  if (press.key === 'Escape') return 'back';

  const plain = !command && !press.altKey;
  if (plain && !press.inTextField && press.key.toLowerCase() === 'b') {
    return 'next-bib';
  }
  return null;
};

/** A printable character that should go to the search box. */
export const isPrintable = (press: KeyPress): boolean =>
  press.key.length === 1 && !press.ctrlKey && !press.metaKey && !press.altKey;
