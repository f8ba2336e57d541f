/**
 * The embeddable badge (DESIGN §7): "answers 94 % of fails · median 3 h", as a
 * self-contained SVG with its text escaped and a <title> for screen readers.
 */
import { formatDuration } from './time.ts';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function badgeText(answered: number, eligible: number, medianSeconds: number | null): string {
  if (eligible === 0) return 'no fails to answer yet';
  const rate = Math.round((100 * answered) / eligible);
  return medianSeconds === null
    ? `answers ${rate} % of fails`
    : `answers ${rate} % of fails · median ${formatDuration(medianSeconds)}`;
}

export function badgeSvg(brandName: string, text: string): string {
  const label = 'Likes & Fails';
  const labelWidth = 86;
  const textWidth = Math.round(text.length * 6.6) + 16;
  const width = labelWidth + textWidth;
  const title = escapeXml(`${brandName} on Likes & Fails: ${text}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">
<title>${title}</title>
<rect width="${labelWidth}" height="20" fill="#1d1f24"/>
<rect x="${labelWidth}" width="${textWidth}" height="20" fill="#166534"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
<text x="8" y="14">${escapeXml(label)}</text>
<text x="${labelWidth + 8}" y="14">${escapeXml(text)}</text>
</g>
</svg>`;
}
