/**
 * The embeddable badge (DESIGN §7) as a self-contained SVG: its words come
 * from `badgeText` (src/domain/badge.ts), every piece of text is escaped, and a
 * <title> names it for screen readers.
 */
import { escapeHtml } from './escape.ts';

const LABEL = 'Likes & Fails';
const LABEL_WIDTH = 86;

export function badgeSvg(brandName: string, text: string): string {
  // Verdana at 11 px is about 6.6 px a character, plus 8 px of padding each side.
  const textWidth = Math.round(text.length * 6.6) + 16;
  const width = LABEL_WIDTH + textWidth;
  const title = escapeHtml(`${brandName} on Likes & Fails: ${text}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">
<title>${title}</title>
<rect width="${LABEL_WIDTH}" height="20" fill="#1d1f24"/>
<rect x="${LABEL_WIDTH}" width="${textWidth}" height="20" fill="#166534"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
<text x="8" y="14">${escapeHtml(LABEL)}</text>
<text x="${LABEL_WIDTH + 8}" y="14">${escapeHtml(text)}</text>
</g>
</svg>`;
}
