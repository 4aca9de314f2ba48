// Texts of the exports pages, in bokmål and English; nb.ts and en.ts put them
// under the key 'exports'. The lists' own titles and column headers live
// with their purposes in shared/lists, so a file and the page agree.

import type { Messages } from '../../i18n/en';

export const exportsNb = {
  nav: 'Lister',
  title: 'Lister med formål',
  intro:
    'Hver liste har bare feltene formålet trenger. Alt som eksporteres, ' +
    'føres i eksportloggen.',
  list: 'Liste',
  purpose: {
    'participant-list':
      'Arrangørens egen liste til videre arbeid: alle felt, også ' +
      'avmeldte. Velg bare kolonnene du trenger.',
    'external-list':
      'Navn, klubb og øvelser for aktive deltakere, til publisering. ' +
      'Lages bare når arrangøren har tillatt det.',
    'license-list':
      'Navn, klubb, lisensprodukt, kjøpstidspunkt og lisensnummer, til ' +
      'lisenskontroll hos tidtaker, arrangør og forsikring.',
    'media-list':
      'Startnummer og navn på dem som har reservert seg mot bilder, ' +
      'video, strømming eller livefeed, til fotografer og strømming.',
    'checkin-list':
      'Innsjekk per klasse for sekretariatet: hvem som har møtt, med ' +
      'startnummer og tidspunkt.',
  },
  allowExternal: 'Arrangøren tillater ekstern deltakerliste for dette løpet',
  allowExternalHelp:
    'Lagres på denne pulten for dette arrangementet. Slå av igjen når ' +
    'listen er publisert.',
  externalNotAllowed:
    'Ekstern deltakerliste er ikke tillatt for dette arrangementet.',
  columns: 'Kolonner ({{chosen}} av {{total}})',
  allColumns: 'Alle',
  noColumns: 'Ingen',
  export: 'Eksporter til Excel',
  exporting: 'Eksporterer …',
  print: 'Skriv ut',
  printing: 'Gjør klar utskrift …',
  saved:
    '{{list}}: {{people}} personer, {{columns}} kolonner, lagret i {{path}}',
  cancelled: 'Listen ble ikke lagret.',
  failed: 'Listen ble ikke laget: {{message}}',
  preview: 'Forhåndsvisning: {{shown}} av {{rows}} rader',
  previewEmpty: 'Ingen på denne listen ennå.',
  loading: 'Henter deltakerne …',
  log: {
    title: 'Eksportlogg',
    empty: 'Ingen lister er eksportert for dette arrangementet.',
    at: 'Tidspunkt',
    by: 'Hvem',
    list: 'Liste',
    fields: 'Felt',
    people: 'Personer',
    file: 'Fil',
  },
  printHeading: '{{list}} – {{event}}',
  printMeta: 'Skrevet ut {{at}} · {{people}} personer',
} as const;

export const exportsEn: Messages<typeof exportsNb> = {
  nav: 'Lists',
  title: 'Lists with a purpose',
  intro:
    'Each list carries only the fields its purpose needs. Every export ' +
    'goes into the export log.',
  list: 'List',
  purpose: {
    'participant-list':
      "The organizer's own list for further work: every field, " +
      'deregistered people too. Choose only the columns you need.',
    'external-list':
      'Name, club and exercises of active participants, for publishing. ' +
      'Made only when the organizer has allowed it.',
    'license-list':
      'Name, club, license product, time of purchase and license number, ' +
      'for license checks by timing, organizer and insurer.',
    'media-list':
      'Bib and name of those who reserved against photos, video, ' +
      'streaming or live feed, for photographers and streaming.',
    'checkin-list':
      'Check-in by class for the secretariat: who has arrived, with bib ' +
      'and time.',
  },
  allowExternal: 'The organizer allows an external participant list',
  allowExternalHelp:
    'Kept on this desk for this event. Turn it off again once the list ' +
    'is published.',
  externalNotAllowed:
    'An external participant list is not allowed for this event.',
  columns: 'Columns ({{chosen}} of {{total}})',
  allColumns: 'All',
  noColumns: 'None',
  export: 'Export to Excel',
  exporting: 'Exporting …',
  print: 'Print',
  printing: 'Preparing the print …',
  saved: '{{list}}: {{people}} people, {{columns}} columns, saved in {{path}}',
  cancelled: 'The list was not saved.',
  failed: 'The list was not made: {{message}}',
  preview: 'Preview: {{shown}} of {{rows}} rows',
  previewEmpty: 'Nobody is on this list yet.',
  loading: 'Reading the participants …',
  log: {
    title: 'Export log',
    empty: 'No lists have been exported for this event.',
    at: 'Time',
    by: 'Who',
    list: 'List',
    fields: 'Fields',
    people: 'People',
    file: 'File',
  },
  printHeading: '{{list}} – {{event}}',
  printMeta: 'Printed {{at}} · {{people}} people',
};
