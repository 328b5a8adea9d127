/** Every segment's error.tsx is `errorBoundaryFor(what)`: what it renders, as the server does. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  AppRouterContext,
  type AppRouterInstance,
} from 'next/dist/shared/lib/app-router-context.shared-runtime';
import { describe, expect, it } from 'vitest';
import { errorBoundaryFor } from './route-error';

describe('errorBoundaryFor', () => {
  it('says what could not be shown, offers a retry, and keeps the server’s message out', () => {
    const Boundary = errorBoundaryFor('the VMs');
    const error = Object.assign(new Error('apikey 0123456789abcdefghijklmn refused'), {
      digest: 'd1g35t',
    });
    // The panel's retry refreshes the route: a router must be mounted, as in the app.
    const router: AppRouterInstance = {
      bfcacheId: 'test',
      back() {},
      forward() {},
      refresh() {},
      push() {},
      replace() {},
      prefetch() {},
    };
    const html = renderToStaticMarkup(
      createElement(
        AppRouterContext,
        { value: router },
        createElement(Boundary, { error, reset: () => undefined }),
      ),
    );
    expect(html).toContain('Could not show the VMs');
    expect(html).toMatch(/<button[^>]*>[^<]*(Try again|Retry)/);
    expect(html).toContain('d1g35t');
    expect(html).not.toContain('0123456789abcdefghijklmn');
  });
});
