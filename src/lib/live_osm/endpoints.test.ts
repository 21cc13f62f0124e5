import { describe, expect, it } from 'vitest';
import { OVERPASS_ENDPOINT } from '../../config.ts';
import { resolveOverpassEndpoints, SECOND_OVERPASS_ENDPOINT } from './endpoints.ts';

const page = 'https://maps.example.org';

describe('resolveOverpassEndpoints', () => {
  it('defaults to two public endpoints, the configured one first', () => {
    expect(resolveOverpassEndpoints()).toEqual([OVERPASS_ENDPOINT, SECOND_OVERPASS_ENDPOINT]);
    expect(resolveOverpassEndpoints({ env: 'https://op.example/api/interpreter' })).toEqual([
      'https://op.example/api/interpreter',
      SECOND_OVERPASS_ENDPOINT,
    ]);
  });

  it("takes the deployer's list as given, dropping what is not an http(s) URL", () => {
    expect(
      resolveOverpassEndpoints({
        envList: 'https://a.example/i, javascript:alert(1),https://b.example/i,https://a.example/i',
      }),
    ).toEqual(['https://a.example/i', 'https://b.example/i']);
  });

  it('accepts a URL-parameter list only on the page origin', () => {
    expect(resolveOverpassEndpoints({ param: '/op-a,/op-b', pageOrigin: page })).toEqual([
      `${page}/op-a`,
      `${page}/op-b`,
    ]);
    expect(resolveOverpassEndpoints({ param: 'https://evil.example/i,/op', pageOrigin: page })).toEqual([
      `${page}/op`,
    ]);
    expect(resolveOverpassEndpoints({ param: 'https://evil.example/i', pageOrigin: page })).toEqual([
      OVERPASS_ENDPOINT,
      SECOND_OVERPASS_ENDPOINT,
    ]);
  });
});
