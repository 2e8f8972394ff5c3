/**
 * "Never use online maps", for locked-down council networks: a setting of this browser (not of a
 * workspace), read before the page makes any request. When on, a second Content-Security-Policy
 * is added to the page; browsers enforce every policy present, so this one removes the basemap
 * host from the built-in policy's allowed list for the rest of the session.
 */
const NEVER_ONLINE_KEY = 'hotspot-planner:never-online-maps';

export function neverOnlineMapsSetting(): boolean {
  try {
    return globalThis.localStorage?.getItem(NEVER_ONLINE_KEY) === 'yes';
  } catch {
    return false;
  }
}

export function saveNeverOnlineMapsSetting(never: boolean): void {
  try {
    if (never) localStorage.setItem(NEVER_ONLINE_KEY, 'yes');
    else localStorage.removeItem(NEVER_ONLINE_KEY);
  } catch {
    // Storage refused (private mode): the setting lasts for this page only.
  }
  if (never) forbidOnlineMaps();
}

/** True when the stricter policy is in force on this page (it lasts until the page reloads). */
export function onlineMapsForbiddenHere(): boolean {
  return document.querySelector('meta[data-policy="no-online-maps"]') !== null;
}

export function forbidOnlineMaps(): void {
  if (document.querySelector('meta[data-policy="no-online-maps"]')) return;
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "connect-src 'self' data: blob:; img-src 'self' data: blob:";
  meta.dataset.policy = 'no-online-maps';
  document.head.prepend(meta);
}
