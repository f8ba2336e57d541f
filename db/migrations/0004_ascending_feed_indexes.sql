DROP INDEX "posts_feed_idx";--> statement-breakpoint
DROP INDEX "posts_brand_feed_idx";--> statement-breakpoint
DROP INDEX "posts_author_idx";--> statement-breakpoint
DROP INDEX "posts_brand_known_issues_idx";--> statement-breakpoint
CREATE INDEX "posts_feed_idx" ON "posts" USING btree ("visibility","created_at","id");--> statement-breakpoint
CREATE INDEX "posts_brand_feed_idx" ON "posts" USING btree ("brand_id","visibility","created_at","id");--> statement-breakpoint
CREATE INDEX "posts_author_idx" ON "posts" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "posts_brand_known_issues_idx" ON "posts" USING btree ("brand_id","me_too_count","created_at") WHERE kind = 'fail' and visibility = 'published' and me_too_count > 0;