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
      'Startnummer og hva de har reservert seg mot (bilder, video, ' +
      'strømming, livefeed), til fotografer, strømming og liveresultater. ' +
      'Uten navn: startnummeret er det de ser. Den som ikke har fått ' +
      'startnummer ennå, står med tomt startnummer.',
    'checkin-list':
      'Innsjekk per klasse for sekretariatet: hvem som har møtt, med ' +
      'startnummer og tidspunkt.',
  },
  allowExternal: 'Arrangøren tillater ekstern deltakerliste for dette løpet',
  allowExternalHelp:
    'Bare når arrangøren har bestemt det. Endringen føres med ditt navn. ' +
    'Slå av igjen når listen er publisert.',
  externalNotAllowed:
    'Ekstern deltakerliste er ikke tillatt for dette arrangementet. ' +
    'Arrangøren bestemmer det.',
  allowedBy: 'Tillatt av arrangøren, registrert av {{by}} {{at}}.',
  withdrawnBy: 'Ikke tillatt, registrert av {{by}} {{at}}.',
  centralAllows:
    'Arrangøren har tillatt ekstern deltakerliste i sentraltjenesten.',
  centralRefuses:
    'Arrangøren har ikke tillatt ekstern deltakerliste i sentraltjenesten. ' +
    'Det endres der, ikke på pulten.',
  centralUnreachable:
    'Fikk ikke svar fra sentraltjenesten ({{message}}); siste svar derfra ' +
    'gjelder.',
  centralSaidNothing:
    'sentraltjenesten sa ikke om ekstern deltakerliste er tillatt',
  listNotAllowed:
    'Ekstern deltakerliste lages bare når arrangøren har tillatt den.',
  confirmAllowTitle: 'Tillate ekstern deltakerliste?',
  confirmWithdrawTitle: 'Trekke tillatelsen tilbake?',
  confirmAllow:
    'Bekreft at arrangøren har bestemt at navn, klubb og øvelser kan ' +
    'publiseres for dette arrangementet. Det føres som registrert av ' +
    '{{operator}}.',
  confirmWithdraw:
    'Ekstern deltakerliste blir ikke lenger tillatt for dette ' +
    'arrangementet. Det føres som registrert av {{operator}}.',
  confirmAllowButton: 'Ja, arrangøren tillater det',
  confirmWithdrawButton: 'Trekk tilbake',
  confirmCancel: 'Avbryt',
  printPdf: 'Skriv ut til PDF',
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
    empty:
      'Ingen lister er eksportert eller skrevet ut for dette arrangementet.',
    at: 'Tidspunkt',
    by: 'Hvem',
    list: 'Liste',
    fields: 'Felt',
    people: 'Personer',
    file: 'Fil',
    printed: 'Utskrift',
    pdf: 'PDF',
    purged: 'slettet',
    purgedAt: 'Slettet fra pulten {{at}}',
    handedOver: {
      'iof-startlist': 'Startliste til tidtaking (IOF XML)',
      'iof-entrylist': 'Påmeldingsliste til tidtaking (IOF XML)',
      'csv-startlist': 'Startliste til tidtaking (CSV)',
      'iof-resultlist': 'Resultatliste (IOF XML)',
      'results-xlsx': 'Resultatliste (Excel)',
    },
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
      'Bib and what they reserved against (photos, video, streaming, ' +
      'live feed), for photographers, streaming and live results. No ' +
      'names: the bib is what they see. Someone without a bib yet has an ' +
      'empty bib.',
    'checkin-list':
      'Check-in by class for the secretariat: who has arrived, with bib ' +
      'and time.',
  },
  allowExternal: 'The organizer allows an external participant list',
  allowExternalHelp:
    'Only when the organizer has decided so. The change is recorded with ' +
    'your name. Turn it off again once the list is published.',
  externalNotAllowed:
    'An external participant list is not allowed for this event. The ' +
    'organizer decides.',
  allowedBy: 'Allowed by the organizer, recorded by {{by}} {{at}}.',
  withdrawnBy: 'Not allowed, recorded by {{by}} {{at}}.',
  centralAllows:
    'The organizer has allowed an external participant list in the ' +
    'central service.',
  centralRefuses:
    'The organizer has not allowed an external participant list in the ' +
    'central service. It is changed there, not on the desk.',
  centralUnreachable:
    'The central service did not answer ({{message}}); its last answer ' +
    'stands.',
  centralSaidNothing:
    'the central service did not say whether the external list is allowed',
  listNotAllowed:
    'The external participant list is made only when the organizer has ' +
    'allowed it.',
  confirmAllowTitle: 'Allow an external participant list?',
  confirmWithdrawTitle: 'Withdraw the permission?',
  confirmAllow:
    'Confirm that the organizer has decided that names, clubs and ' +
    'exercises may be published for this event. It is recorded as ' +
    'entered by {{operator}}.',
  confirmWithdraw:
    'An external participant list will no longer be allowed for this ' +
    'event. It is recorded as entered by {{operator}}.',
  confirmAllowButton: 'Yes, the organizer allows it',
  confirmWithdrawButton: 'Withdraw',
  confirmCancel: 'Cancel',
  printPdf: 'Print to PDF',
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
    empty: 'No lists have been exported or printed for this event.',
    at: 'Time',
    by: 'Who',
    list: 'List',
    fields: 'Fields',
    people: 'People',
    file: 'File',
    printed: 'Printed',
    pdf: 'PDF',
    purged: 'deleted',
    purgedAt: 'Deleted from the desk {{at}}',
    handedOver: {
      'iof-startlist': 'Start list for timing (IOF XML)',
      'iof-entrylist': 'Entry list for timing (IOF XML)',
      'csv-startlist': 'Start list for timing (CSV)',
      'iof-resultlist': 'Result list (IOF XML)',
      'results-xlsx': 'Result list (Excel)',
    },
  },
  printHeading: '{{list}} – {{event}}',
  printMeta: 'Printed {{at}} · {{people}} people',
};
