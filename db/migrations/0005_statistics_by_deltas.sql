DROP INDEX "brand_stats_ranking_idx";--> statement-breakpoint
ALTER TABLE "brand_stats" ADD COLUMN "window_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "brand_stats" ADD COLUMN "post_count" integer GENERATED ALWAYS AS (likes + fails) STORED;--> statement-breakpoint
ALTER TABLE "brand_stats" ADD COLUMN "like_share_lower_bound" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "posts_brand_answered_idx" ON "posts" USING btree ("brand_id","created_at","first_brand_reply_at") WHERE kind = 'fail' and visibility = 'published' and first_brand_reply_at is not null;--> statement-breakpoint
CREATE INDEX "posts_brand_unanswered_idx" ON "posts" USING btree ("brand_id","created_at") WHERE kind = 'fail' and visibility = 'published' and first_brand_reply_at is null;--> statement-breakpoint
CREATE INDEX "brand_stats_ranking_idx" ON "brand_stats" USING btree ("window","score" DESC NULLS LAST,"post_count" DESC NULLS LAST);--> statement-breakpoint
-- Rows computed before this migration covered [computed_at − window, computed_at]: say so, so the
-- next roll subtracts only what left since (decision 004).
UPDATE "brand_stats" SET "window_start" = "computed_at" - make_interval(days => CASE "window"
  WHEN '30d' THEN 30 WHEN '90d' THEN 90 WHEN '12m' THEN 365 END) WHERE "window" <> 'all';--> statement-breakpoint
-- The Wilson lower bound at 95 % (src/domain/score.ts), once, for the rows that exist.
UPDATE "brand_stats" SET "like_share_lower_bound" = greatest(0, least(1,
  ((likes::float8 / (likes + fails)) + 3.841458820694124 / (2 * (likes + fails))
   - 1.959963984540054 * sqrt((likes::float8 / (likes + fails)) * (1 - likes::float8 / (likes + fails)) / (likes + fails)
     + 3.841458820694124 / (4.0 * (likes + fails) * (likes + fails))))
  / (1 + 3.841458820694124 / (likes + fails)))) WHERE likes + fails > 0;
