ALTER TABLE "brand_monthly_stats" ADD COLUMN "median_stale" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "brand_stats" ADD COLUMN "refresh_requested" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "brand_stats_refresh_idx" ON "brand_stats" USING btree ("brand_id") WHERE refresh_requested;