/**
 * A session's device as people name it ("Firefox on Android") from its
 * User-Agent header, which is long, cryptic and too wide for a phone.
 * The order matters: Edge and Opera say "Chrome" too, Chrome says "Safari".
 */
const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chromium\//, 'Chromium'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/curl\//i, 'curl'],
];

const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPod/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Windows/, 'Windows'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** The page's words for "Firefox on Android" and for a device it cannot name (English by default). */
export interface DeviceWords {
  browserOnSystem: (parts: { browser: string; system: string }) => string;
  unknown: string;
}

const ENGLISH: DeviceWords = {
  browserOnSystem: ({ browser, system }) => `${browser} on ${system}`,
  unknown: 'Unknown device',
};

export function describeDevice(userAgent: string | null, words: DeviceWords = ENGLISH): string {
  if (!userAgent) return words.unknown;
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  if (browser && system) return words.browserOnSystem({ browser, system });
  return browser ?? system ?? words.unknown;
}
