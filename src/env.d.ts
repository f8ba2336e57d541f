/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The database handle for this request (injected directly in component tests). */
    db: import('../db/client.ts').Database;
    /** The request's clock, so pages render deterministically in tests. */
    now: Date;
  }
}
