/**
 * The embeddable badge (DESIGN §7) as a self-contained SVG: its words and tone
 * come from `badgeOf` (src/domain/badge.ts), every piece of text is escaped, and a
 * <title> names it for screen readers. Each fill keeps white text above 4.5:1.
 */
import type { BadgeTone } from '../domain/badge.ts';
import { escapeHtml } from './escape.ts';

const LABEL = 'Likes & Fails';
const LABEL_WIDTH = 86;

export const BADGE_FILLS: Record<BadgeTone, string> = {
  good: '#166534',
  fair: '#8a4b00',
  poor: '#b42318',
  unrated: '#4a4f5a',
};

/** `title` names the badge for screen readers, in the badge's language ("Northwind on Likes & Fails: …"). */
export function badgeSvg(
  brandName: string,
  badge: { text: string; tone: BadgeTone },
  title = `${brandName} on Likes & Fails: ${badge.text}`,
): string {
  const { text, tone } = badge;
  // Verdana at 11 px is about 6.6 px a character, plus 8 px of padding each side.
  const textWidth = Math.round(text.length * 6.6) + 16;
  const width = LABEL_WIDTH + textWidth;
  const label = escapeHtml(title);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${label}">
<title>${label}</title>
<rect width="${LABEL_WIDTH}" height="20" fill="#1d1f24"/>
<rect x="${LABEL_WIDTH}" width="${textWidth}" height="20" fill="${BADGE_FILLS[tone]}"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
<text x="8" y="14">${escapeHtml(LABEL)}</text>
<text x="${LABEL_WIDTH + 8}" y="14">${escapeHtml(text)}</text>
</g>
</svg>`;
}
