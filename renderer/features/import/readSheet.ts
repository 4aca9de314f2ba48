// Reading an .xlsx happens outside the renderer (exceljs in node/); the
// bytes go over the desk contract and progress comes back as events.

import type { Result } from '../../../shared/contract/result';
import type { SheetTable } from '../../../shared/isonen/sheet';
import { getDeskApi } from '../../bridge/getDeskApi';

export const readSheet = async (
  file: File,
  onProgress: (rowsRead: number) => void,
): Promise<Result<SheetTable>> => {
  const api = await getDeskApi();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const stop = api.on('import:progress', (progress) => {
    if (progress.fileName === file.name) onProgress(progress.rowsRead);
  });
  try {
    return await api.invoke('import:read-sheet', {
      fileName: file.name,
      bytes,
    });
  } finally {
    stop();
  }
};
