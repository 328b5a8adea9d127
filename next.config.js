// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Parallel builds (several e2e runs on one machine) each get their own output directory.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // deploy/Dockerfile builds the self-contained server; `npm start` and the e2e use `next start`.
  ...(process.env.NEXT_OUTPUT === 'standalone' ? { output: 'standalone' } : {}),
  // xmlrpc and sax are CommonJS server libraries; keep them out of the bundler.
  serverExternalPackages: ['xmlrpc'],
  poweredByHeader: false,
  // Gandi's tools post to `/xmlrpc/` and never follow a redirect: the XML-RPC endpoint answers
  // there and at `/xmlrpc`. Every other path still loses its trailing slash, in proxy.ts.
  skipTrailingSlashRedirect: true,
  // The panel must never be framed by another origin (clickjacking of destructive actions).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
