import { app, type BrowserWindow } from 'electron';

/**
 * One desk app per user: a second start focuses the running window instead
 * of opening the same IndexedDB from two processes. Returns false in the
 * second process, which then quits.
 */
export const setupSingleInstance = (
  currentWindow: () => BrowserWindow | null,
): boolean => {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  return true;
};
