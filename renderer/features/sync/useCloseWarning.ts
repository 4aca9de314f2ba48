// Closing or reloading a connected desk while operations still wait to be
// pushed asks first. They are stored and would go out at the next start,
// but a desk closed for the day may never start again at this venue.
// Electron shows the question through main's will-prevent-unload handler.

import { useEffect } from 'react';

import type { DeskStore } from '../../store/deskStore';

export const useCloseWarning = (store: DeskStore): void => {
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      // A local event never pushes, so nothing of it is pending.
      if (store.sync.connection() === null) return;
      if (store.sync.pendingCount() === 0) return;
      event.preventDefault();
      // Chromium before 119 and Electron still read returnValue.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [store]);
};
