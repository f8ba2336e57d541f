/** The JSON shapes the API publishes: public facts only, never e-mail addresses. */
import type { Brand } from '../../db/queries/brands.ts';
import type { ApiBrand, ApiImage, ApiPostSummary, ApiWindowStats } from '../domain/api-schemas.ts';
import type { EvidenceImage } from '../domain/evidence.ts';
import type { PostSummary } from '../domain/views.ts';
import { displayStatus } from '../domain/lifecycle.ts';
import { computeFigures, computeScore, type BrandWindowCounts } from '../domain/score.ts';
import { paths } from '../paths.ts';

export function brandView(brand: Brand, siteUrl: string): ApiBrand {
  return {
    slug: brand.slug,
    name: brand.name,
    sector: brand.sector,
    country: brand.country,
    domain: brand.domain,
    website: brand.websiteUrl,
    description: brand.description,
    verified: brand.verifiedAt !== null,
    contact: brand.contact,
    url: new URL(paths.brand(brand.slug), siteUrl).toString(),
  };
}

export function statsView(stats: BrandWindowCounts & { window: ApiWindowStats['window'] }): ApiWindowStats {
  return { window: stats.window, figures: computeFigures(stats), score: computeScore(stats) };
}

export function postSummaryView(post: PostSummary, now: Date, siteUrl: string): ApiPostSummary {
  return {
    id: post.id,
    kind: post.kind,
    title: post.title,
    excerpt: post.excerpt,
    category: post.category,
    channel: post.channel,
    country: post.country,
    waitMinutes: post.waitMinutes,
    status: post.status ? displayStatus(post.status, post.createdAt, now, post.promiseBroken ?? false) : null,
    meTooCount: post.meTooCount,
    helpfulCount: post.helpfulCount,
    replies: post.messageCount,
    firstBrandReplyAt: post.firstBrandReplyAt?.toISOString() ?? null,
    createdAt: post.createdAt.toISOString(),
    brand: { slug: post.brandSlug, name: post.brandName, verified: post.brandVerified },
    author: post.authorName,
    url: new URL(paths.post(post.id), siteUrl).toString(),
  };
}

/** The images of a post (`messageId` null) or of one message, with their public addresses. */
export function imagesView(
  images: readonly EvidenceImage[],
  messageId: number | null,
  siteUrl: string,
): ApiImage[] {
  return images
    .filter((image) => image.messageId === messageId)
    .map((image) => {
      const shown = image.removedAt === null;
      return {
        alt: image.altText,
        url: shown ? new URL(paths.image(image.sha256), siteUrl).toString() : null,
        thumbnailUrl: shown ? new URL(paths.image(image.thumbSha256), siteUrl).toString() : null,
        width: image.width,
        height: image.height,
        removalReason: image.removalReason,
      };
    });
}
