import { describe, expect, it } from 'vitest';
import { formatNumber, formatRate, formatScore, formatSeconds } from '../../src/domain/format-figures.ts';
import { formatDate, formatDateTime, formatDuration, formatRelative } from '../../src/domain/time.ts';

/** Intl writes French with no-break spaces; the tests read them as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const now = new Date('2026-12-15T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('figures in English', () => {
  it('keeps the board’s forms', () => {
    expect(formatRate(0.53)).toBe('53 %');
    expect(formatScore(54.23)).toBe('54.2');
    expect(formatSeconds(17 * 3600)).toBe('17 h');
    expect(formatDuration(2 * 86_400)).toBe('2 days');
    expect(formatDuration(86_400)).toBe('1 day');
    expect(formatDate(new Date('2026-12-01T10:00:00Z'))).toBe('1 Dec 2026');
    expect(formatRelative(ago(120), now)).toBe('2 min ago');
    expect(formatRelative(ago(86_400 + 60), now)).toBe('yesterday');
    expect(formatNumber(1204)).toBe('1,204');
  });
});

describe('figures in French', () => {
  it('reads numbers the French way', () => {
    expect(plain(formatRate(0.53, 'fr'))).toBe('53 %');
    expect(formatScore(54.23, 'fr')).toBe('54,2');
    expect(plain(formatNumber(1204, 'fr'))).toBe('1 204');
  });

  it('writes durations with French units', () => {
    expect(plain(formatSeconds(17 * 3600, 'fr'))).toBe('17 h');
    expect(plain(formatDuration(90, 'fr'))).toBe('2 min');
    expect(plain(formatDuration(2 * 86_400, 'fr'))).toBe('2 jours');
  });

  it('writes an instant to the minute, in UTC, in either language', () => {
    const instant = new Date('2026-06-14T21:05:59Z');
    expect(formatDateTime(instant)).toBe('14 Jun 2026, 21:05');
    expect(formatDateTime(instant, 'fr')).toBe('14 juin 2026, 21:05');
  });

  it('writes dates and times past in French', () => {
    expect(formatDate(new Date('2026-12-01T10:00:00Z'), 'fr')).toBe('1 déc. 2026');
    expect(formatDate('2026-06-14', 'fr')).toBe('14 juin 2026');
    expect(plain(formatRelative(ago(120), now, 'fr'))).toBe('il y a 2 min');
    expect(plain(formatRelative(ago(3 * 3600), now, 'fr'))).toBe('il y a 3 h');
    expect(formatRelative(ago(86_400 + 60), now, 'fr')).toBe('hier');
    expect(formatRelative(ago(12 * 86_400), now, 'fr')).toBe('il y a 12 jours');
    expect(formatRelative(ago(20), now, 'fr')).toBe('à l’instant');
    expect(formatRelative(ago(90 * 86_400), now, 'fr')).toBe('16 sept. 2026');
  });

  it('shows a dash for a figure with nothing behind it', () => {
    expect(formatRate(null, 'fr')).toBe('—');
    expect(formatScore(null, 'fr')).toBe('—');
  });
});
