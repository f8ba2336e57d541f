/**
 * A brand's social handle as a link to its profile: a full https:// address is
 * used as given, a handle ("@NorthwindCare") becomes the network's profile
 * URL. Null when neither can be made safely (the page then shows the text).
 */
const PROFILE_URLS: Record<string, (handle: string) => string | null> = {
  x: (handle) => `https://x.com/${encodeURIComponent(handle)}`,
  twitter: (handle) => `https://x.com/${encodeURIComponent(handle)}`,
  facebook: (handle) => `https://www.facebook.com/${encodeURIComponent(handle)}`,
  instagram: (handle) => `https://www.instagram.com/${encodeURIComponent(handle)}`,
  linkedin: (handle) => `https://www.linkedin.com/company/${encodeURIComponent(handle)}`,
  bluesky: (handle) => `https://bsky.app/profile/${encodeURIComponent(handle)}`,
  // user@server: the profile lives on the person's own server.
  mastodon: (handle) => {
    const [user, server] = handle.split('@');
    return user && server && /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(server)
      ? `https://${server.toLowerCase()}/@${encodeURIComponent(user)}`
      : null;
  },
};

/** The network's name as people write it. */
export const SOCIAL_NETWORK_LABELS: Record<string, string> = {
  x: 'X',
  twitter: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
};

export function socialProfileUrl(network: string, handle: string): string | null {
  const value = handle.trim();
  if (/^https:\/\/[^\s/$.?#][^\s]*$/i.test(value)) return value;
  const bare = value.replace(/^@/, '');
  if (!/^[\p{L}\p{N}_.@-]{1,100}$/u.test(bare)) return null;
  return PROFILE_URLS[network.toLowerCase()]?.(bare) ?? null;
}
