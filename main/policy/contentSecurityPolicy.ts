// The content security policy of every page the desk shows, in Electron and
// from the web host. No remote origin may load anything: RxDB's dev-mode (an
// iframe from rxdb.info) or a stray CDN link fails loudly instead of quietly
// reaching the internet from a laptop full of personal data.

export type PolicyOptions = {
  /** Extra connect-src entries, e.g. the web host's ws://127.0.0.1:PORT. */
  connectSources?: readonly string[];
};

export const contentSecurityPolicy = (options: PolicyOptions = {}): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    // Mantine and React set style attributes and inject <style> at runtime.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The central service's address is typed by the operator (issue #3),
    // so connect-src cannot name it in advance: fetch and the live stream
    // may reach any http(s) origin. Nothing from there can run or show:
    // scripts, frames, images and fonts stay 'self'.
    ["connect-src 'self' http: https:", ...(options.connectSources ?? [])].join(
      ' ',
    ),
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/** Headers every response of ours carries besides the policy. */
export const hardeningHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const satisfies Record<string, string>;
