import { describe, expect, it } from 'vitest';
import { socialProfileUrl } from '../../src/domain/social-links.ts';

describe('social handles as links', () => {
  it('links a handle to the network profile, without its @', () => {
    expect(socialProfileUrl('x', '@NorthwindCare')).toBe('https://x.com/NorthwindCare');
    expect(socialProfileUrl('instagram', 'northwind')).toBe('https://www.instagram.com/northwind');
  });

  it('links a Mastodon handle to its own server', () => {
    expect(socialProfileUrl('mastodon', '@care@social.example')).toBe('https://social.example/@care');
  });

  it('uses a full https address as given', () => {
    expect(socialProfileUrl('facebook', 'https://facebook.example/heathglow')).toBe(
      'https://facebook.example/heathglow',
    );
  });

  it('makes no link from an unknown network, a javascript: address or a handle with spaces', () => {
    expect(socialProfileUrl('myspace', 'northwind')).toBeNull();
    expect(socialProfileUrl('x', 'javascript:alert(1)')).toBeNull();
    expect(socialProfileUrl('x', 'north wind')).toBeNull();
  });
});
