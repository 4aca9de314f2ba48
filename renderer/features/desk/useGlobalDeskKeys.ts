// The desk keys on the whole window, so F6, F8, F9, Ctrl+Z and Escape work
// wherever focus is. Handlers are read through a ref: the listener is added
// once per enable, not once per render.

import { useEffect, useRef } from 'react';

import { type DeskAction, globalDeskAction, isPrintable } from './deskKeys';

type GlobalKeyHandlers = {
  onAction(action: DeskAction): void;
  /** A printable key typed while focus was outside any text field. */
  onStrayKey(key: string, at: number): void;
};

const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement &&
      !['checkbox', 'radio', 'button', 'submit'].includes(target.type)));

export const useGlobalDeskKeys = (
  enabled: boolean,
  handlers: GlobalKeyHandlers,
): void => {
  const current = useRef(handlers);
  current.current = handlers;

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const press = {
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inTextField: isTextField(event.target),
      };
      const action = globalDeskAction(press);
      if (action !== null) {
        event.preventDefault();
        current.current.onAction(action);
      } else if (isPrintable(press) && !press.inTextField) {
        current.current.onStrayKey(event.key, event.timeStamp);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
};
