export const pages = [
  'desk',
  'overview',
  'ranges',
  'results',
  'devices',
  'exports',
  'sync',
  'import',
] as const;
export type Page = (typeof pages)[number];

export const isPage = (value: unknown): value is Page =>
  pages.some((p) => p === value);
