/**
 * The process's live hub, bounded by `LIVE_MAX_STREAMS`, and the shutdown step
 * that ends its streams with a retry hint so pages reconnect to another
 * instance (src/server/shutdown.ts runs it on SIGTERM).
 */
import { LIVE_MAX_STREAMS } from 'astro:env/server';
import { LiveHub } from './live-hub.ts';
import { onShutdown } from './shutdown.ts';

export const liveHub = new LiveHub({ maxStreams: LIVE_MAX_STREAMS });

onShutdown('end the live streams', () => liveHub.closeAll());
