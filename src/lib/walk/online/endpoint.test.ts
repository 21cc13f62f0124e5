import { describe, expect, it } from 'vitest';
import { OVERPASS_ENDPOINT } from '../../../config.ts';
import { endpointHost, httpUrl, resolveOverpassEndpoint } from './endpoint.ts';

describe('httpUrl', () => {
  it('accepts absolute http(s) URLs only, without credentials or fragment', () => {
    expect(httpUrl(' https://overpass.example/api/interpreter ')).toBe(
      'https://overpass.example/api/interpreter',
    );
    expect(httpUrl('http://127.0.0.1:8080/api/interpreter#x')).toBe('http://127.0.0.1:8080/api/interpreter');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/plain,x',
      'file:///etc',
      '/relative',
      '',
      'https://u:p@h/',
    ]) {
      expect(httpUrl(bad), bad).toBeNull();
    }
    expect(httpUrl(undefined)).toBeNull();
  });
});

describe('resolveOverpassEndpoint', () => {
  const page = 'https://maps.example.org';
  it('defaults to the configured public endpoint', () => {
    expect(resolveOverpassEndpoint()).toBe(OVERPASS_ENDPOINT);
    expect(OVERPASS_ENDPOINT).toBe('https://overpass-api.de/api/interpreter');
  });
  it('takes a valid build-time override and ignores an invalid one', () => {
    expect(resolveOverpassEndpoint({ env: 'https://overpass.kumi.systems/api/interpreter' })).toBe(
      'https://overpass.kumi.systems/api/interpreter',
    );
    expect(resolveOverpassEndpoint({ env: 'javascript:alert(1)' })).toBe(OVERPASS_ENDPOINT);
    expect(resolveOverpassEndpoint({ env: '' })).toBe(OVERPASS_ENDPOINT);
  });
  it('takes a page parameter only on the page origin', () => {
    expect(resolveOverpassEndpoint({ param: '/overpass/api', pageOrigin: page })).toBe(
      `${page}/overpass/api`,
    );
    expect(resolveOverpassEndpoint({ param: `${page}/x`, pageOrigin: page })).toBe(`${page}/x`);
    for (const foreign of [
      'https://evil.example/api',
      '//evil.example/api',
      'http://maps.example.org/x',
      'javascript:1',
    ]) {
      expect(resolveOverpassEndpoint({ param: foreign, pageOrigin: page }), foreign).toBe(OVERPASS_ENDPOINT);
    }
    // Without a known page origin a parameter is never trusted; the build-time value still applies.
    expect(resolveOverpassEndpoint({ param: '/x', env: 'https://mirror.example/api' })).toBe(
      'https://mirror.example/api',
    );
  });
});

describe('endpointHost', () => {
  it('shows the host', () => {
    expect(endpointHost('https://overpass-api.de/api/interpreter')).toBe('overpass-api.de');
    expect(endpointHost('http://127.0.0.1:4173/o')).toBe('127.0.0.1:4173');
  });
});
