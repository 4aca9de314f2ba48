// Keeps the passing feed running while the desk is open, whatever page is
// shown: passings must reach the database even when nobody looks.

import { useEffect } from 'react';

import { getDeskApi } from '../../bridge/getDeskApi';
import type { DeskStore } from '../../store/deskStore';
import { startPassingFeed } from './passingFeed';

export const usePassingFeed = (store: DeskStore) => {
  useEffect(() => {
    let stop: () => void = () => undefined;
    let live = true;
    void getDeskApi().then((api) => {
      if (!live) return;
      const feed = startPassingFeed(api, store.timing);
      stop = feed.stop;
    });
    return () => {
      live = false;
      stop();
    };
  }, [store]);
};
