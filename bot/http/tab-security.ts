/** Where Teams (web, desktop, mobile, Outlook and the Microsoft 365 app) frames the tab from. */
const teamsFrameAncestors = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://*.microsoft365.com',
  'https://local.teams.office.com',
];

/**
 * The tab's Content-Security-Policy: only Teams may frame it, and it runs only its own script files (no
 * inline script at all). Fluent injects style elements at run time, so styles need 'unsafe-inline'.
 */
export const tabContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  `frame-ancestors ${teamsFrameAncestors.join(' ')}`,
].join('; ');
