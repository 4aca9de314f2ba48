import { describe, expect, it } from 'vitest';

import { globalDeskAction, isPrintable, type KeyPress } from './deskKeys';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inTextField: true,
  ...extra,
});

describe('desk keys', () => {
  it('undoes with Ctrl+Z, Cmd+Z and F8', () => {
    expect(globalDeskAction(press('z', { ctrlKey: true }))).toBe('undo');
    expect(globalDeskAction(press('Z', { metaKey: true }))).toBe('undo');
    expect(globalDeskAction(press('F8'))).toBe('undo');
  });

  it('gives the next free bib with F6 anywhere', () => {
    expect(globalDeskAction(press('F6'))).toBe('next-bib');
  });

  it('gives the next free bib with B only outside text fields', () => {
    expect(globalDeskAction(press('b', { inTextField: false }))).toBe(
      'next-bib',
    );
    expect(globalDeskAction(press('b'))).toBeNull();
    expect(
      globalDeskAction(press('b', { inTextField: false, ctrlKey: true })),
    ).toBeNull();
  });

  it('opens the late entry form with F9 and goes back with Escape', () => {
    expect(globalDeskAction(press('F9'))).toBe('late-entry');
    expect(globalDeskAction(press('Escape'))).toBe('back');
  });

  it('leaves ordinary letters and Enter to the search box', () => {
    expect(globalDeskAction(press('a'))).toBeNull();
    expect(globalDeskAction(press('Enter'))).toBeNull();
    expect(globalDeskAction(press('z'))).toBeNull();
  });

  it('counts single characters without modifiers as printable', () => {
    expect(isPrintable(press('ø'))).toBe(true);
    expect(isPrintable(press('Enter'))).toBe(false);
    expect(isPrintable(press('c', { ctrlKey: true }))).toBe(false);
  });
});
