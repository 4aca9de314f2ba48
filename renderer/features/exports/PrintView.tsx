// The printable list: every row, the same headers as the file. It lives
// beside the app in <body>, and print.css shows it alone when printing
// (the browser's print, Electron's print to PDF).

import './print.css';

import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

import type { ListRequest } from '../../../shared/lists/request';

export const PrintView = ({
  request,
  title,
  printedAt,
}: {
  request: ListRequest;
  title: string;
  printedAt: string;
}) => {
  const { t } = useTranslation();
  const { headers, rows, event, people } = request;
  return createPortal(
    <section className="racedesk-print" data-testid="print-view">
      <h1>{t('exports.printHeading', { list: title, event: event.name })}</h1>
      <p>{t('exports.printMeta', { at: printedAt, people })}</p>
      <table>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header}>{header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, row) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reorder
            <tr key={row}>
              {cells.map((cell, column) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={column}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>,
    document.body,
  );
};
