// Who made an export, as the export log records it: the operator signed
// in and the desk ('Kari Nordmann (desk-1)'), or the desk alone. The
// Lister page and the Results page log with this one form.

export const exportBy = (
  operatorName: string | undefined,
  deskId: string,
): string => {
  const name = operatorName?.trim() ?? '';
  return name === '' ? deskId : `${name} (${deskId})`;
};
