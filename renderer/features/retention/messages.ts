// Texts of retention (deleting an event's data from the desk), in bokmål
// and English; nb.ts and en.ts put them under the key 'retention'.

import type { Messages } from '../../i18n/en';

export const retentionNb = {
  title: 'Sletting fra denne pulten',
  days: 'Dager etter arrangementsdatoen',
  daysHelp:
    '0 betyr dagen etter. Standard er 7. For et arrangement koblet til en ' +
    'sentral tjeneste regnes dagene fra resultatene er sendt dit.',
  byOrganizer:
    'Satt av arrangøren i den sentrale tjenesten: det gjelder foran ' +
    'innstillingen på denne pulten og kan bare endres der. Dagene regnes ' +
    'fra resultatene er sendt dit.',
  waitingForResults_one:
    'Koblet til en sentral tjeneste: slettes {{count}} dag etter at ' +
    'resultatene er sendt dit. De er ikke sendt ennå.',
  waitingForResults_other:
    'Koblet til en sentral tjeneste: slettes {{count}} dager etter at ' +
    'resultatene er sendt dit. De er ikke sendt ennå.',
  resultsSent:
    'Resultatene ble sist sendt til den sentrale tjenesten {{date}}.',
  purgeOn: 'Slettes {{date}}',
  noDate:
    'Arrangementet har ingen dato: slett det selv når dataene ikke trengs ' +
    'lenger.',
  daysRange:
    'Dagene må være et helt tall fra 0 til {{max}} (høyst ett år, som den ' +
    'sentrale tjenesten tillater).',
  saved: 'Lagret',
  purge: 'Slett arrangementet fra denne pulten',
  whatGoes:
    'Deltakere, operasjoner, importer, synkroniseringsdata og eksporterte ' +
    'lister for {{name}} slettes fra denne pulten. Eksportloggen beholdes ' +
    'og merkes som slettet; den har ingen personopplysninger.',
  deviceData:
    'Råfangst fra tidtakerutstyr og passeringsjournalen slettes bare når ' +
    'ingen andre arrangementer er på pulten.',
  warn:
    '{{name}} slettes fra denne pulten {{date}}: deltakere, operasjoner og ' +
    'eksporterte lister.',
  due: '{{name}} skulle slettes fra denne pulten {{date}}.',
  dueShort_one: 'Slett {{name}}?',
  dueShort_other: 'Slett {{name}}? (+{{others}})',
  warnShort_one: '{{name}} slettes {{date}}',
  warnShort_other: '{{name}} slettes {{date}} (+{{others}})',
  confirmTitle: 'Slette {{name}}?',
  confirm: 'Slett',
  cancel: 'Avbryt',
  unsynced_one:
    '{{count}} operasjon er ikke synkronisert ennå. Slettes arrangementet ' +
    'nå, går den tapt.',
  unsynced_other:
    '{{count}} operasjoner er ikke synkronisert ennå. Slettes ' +
    'arrangementet nå, går de tapt.',
  neverSent_one:
    'Arrangementet har aldri vært koblet til en sentral tjeneste: ' +
    '{{count}} operasjon (innsjekking, startnummer, betaling, etteranmelding) ' +
    'er aldri sendt noe sted og finnes bare her. Slettes arrangementet nå, ' +
    'går den tapt.',
  neverSent_other:
    'Arrangementet har aldri vært koblet til en sentral tjeneste: ' +
    '{{count}} operasjoner (innsjekkinger, startnumre, betalinger, ' +
    'etteranmeldinger) er aldri sendt noe sted og finnes bare her. Slettes ' +
    'arrangementet nå, går de tapt.',
  confirmUnsynced: 'Slett likevel',
  reportTitle: '{{name}} er slettet fra denne pulten',
  reportDocuments:
    'Slettet: {{participants}} deltakere, {{operations}} operasjoner, ' +
    '{{imports}} importer, {{sync}} synkroniseringsdokumenter og ' +
    '{{local}} lokale dokumenter.',
  reportKey:
    'Arrangementets nøkkel er slettet: det nettleseren ennå har av ' +
    'arrangementet i filene sine, kan ingen lese.',
  reportKeyKept:
    'Arrangementets nøkkel kunne ikke slettes: {{reason}}. Rester i ' +
    'nettleserens filer kan leses med den.',
  reportExports: 'Eksporterte lister slettet ({{count}}): {{files}}',
  reportNoExports: 'Ingen eksporterte lister å slette.',
  reportNotFound: 'Ikke i eksportmappen (lagret et annet sted?): {{files}}',
  reportRefused:
    'Ikke slettet fordi det ikke er en vanlig .xlsx- eller .pdf-fil (en ' +
    'mappe, en lenke eller en annen filtype): {{files}}. Se selv etter om ' +
    'det har personopplysninger.',
  reportLog: '{{count}} oppføringer i eksportloggen er merket som slettet.',
  reportDevice:
    '{{captures}} råfangstfiler og {{passings}} passeringer i journalen ' +
    'er slettet.',
  reportDeviceKept:
    'Råfangst og passeringsjournal er beholdt: andre arrangementer er ' +
    'fortsatt på pulten.',
  reportFilesFailed: 'Filene kunne ikke slettes: {{message}}',
  failed: 'Slettingen ble ikke gjort: {{message}}',
};

export const retentionEn: Messages<typeof retentionNb> = {
  title: 'Deletion from this desk',
  days: 'Days after the event date',
  daysHelp:
    '0 means the day after. The default is 7. For an event connected to a ' +
    'central service the days count from when its results were sent there.',
  byOrganizer:
    "Set by the organizer in the central service: it wins over this desk's " +
    'setting and can only be changed there. The days count from when the ' +
    'results were sent there.',
  waitingForResults_one:
    'Connected to a central service: deleted {{count}} day after its ' +
    'results are sent there. They are not sent yet.',
  waitingForResults_other:
    'Connected to a central service: deleted {{count}} days after its ' +
    'results are sent there. They are not sent yet.',
  resultsSent: 'The results were last sent to the central service on {{date}}.',
  purgeOn: 'Deleted on {{date}}',
  noDate:
    'The event has no date: delete it yourself when its data is no longer ' +
    'needed.',
  daysRange:
    'The days must be a whole number from 0 to {{max}} (at most a year, as ' +
    'the central service allows).',
  saved: 'Saved',
  purge: 'Delete the event from this desk',
  whatGoes:
    'Participants, operations, imports, sync data and exported lists of ' +
    '{{name}} are deleted from this desk. The export log stays, marked as ' +
    'purged; it holds no personal data.',
  deviceData:
    'Raw captures from timing devices and the passing journal are deleted ' +
    'only when no other event is on the desk.',
  warn:
    '{{name}} will be deleted from this desk on {{date}}: participants, ' +
    'operations and exported lists.',
  due: '{{name}} was due to be deleted from this desk on {{date}}.',
  dueShort_one: 'Delete {{name}}?',
  dueShort_other: 'Delete {{name}}? (+{{others}})',
  warnShort_one: '{{name}} deleted on {{date}}',
  warnShort_other: '{{name}} deleted on {{date}} (+{{others}})',
  confirmTitle: 'Delete {{name}}?',
  confirm: 'Delete',
  cancel: 'Cancel',
  unsynced_one:
    '{{count}} operation is not synced yet. Deleting the event now loses it.',
  unsynced_other:
    '{{count}} operations are not synced yet. Deleting the event now loses ' +
    'them.',
  neverSent_one:
    'The event was never connected to a central service: {{count}} ' +
    'operation (check-in, bib, payment, late entry) was never sent ' +
    'anywhere and exists only here. Deleting the event now loses it.',
  neverSent_other:
    'The event was never connected to a central service: {{count}} ' +
    'operations (check-ins, bibs, payments, late entries) were never sent ' +
    'anywhere and exist only here. Deleting the event now loses them.',
  confirmUnsynced: 'Delete anyway',
  reportTitle: '{{name}} is deleted from this desk',
  reportDocuments:
    'Deleted: {{participants}} participants, {{operations}} operations, ' +
    '{{imports}} imports, {{sync}} sync documents and {{local}} local ' +
    'documents.',
  reportKey:
    "The event's key is destroyed: whatever the browser's files still " +
    'hold of the event, nobody can read.',
  reportKeyKept:
    "The event's key could not be destroyed: {{reason}}. What is left in " +
    "the browser's files can be read with it.",
  reportExports: 'Exported lists deleted ({{count}}): {{files}}',
  reportNoExports: 'No exported lists to delete.',
  reportNotFound: 'Not in the exports folder (saved elsewhere?): {{files}}',
  reportRefused:
    'Not deleted because it is not a regular .xlsx or .pdf file (a folder, ' +
    'a link or another kind of file): {{files}}. Check yourself whether it ' +
    'holds personal data.',
  reportLog: '{{count}} export log entries are marked as purged.',
  reportDevice:
    '{{captures}} raw capture files and {{passings}} passings in the journal ' +
    'are deleted.',
  reportDeviceKept:
    'Raw captures and the passing journal are kept: other events are still ' +
    'on the desk.',
  reportFilesFailed: 'The files could not be deleted: {{message}}',
  failed: 'Nothing was deleted: {{message}}',
};
