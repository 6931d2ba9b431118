// A small static file server for the evidence site, bound to 127.0.0.1 only. Used by scripts/site
// (preview) and by the browser tests (tests/cli/site/). Serves files under ROOT; a directory path
// serves its index.html; anything outside ROOT or missing is 404. No caching, no directory
// listings, GET and HEAD only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream', '.pf_filter': 'application/octet-stream',
};

// Starts serving ROOT on 127.0.0.1:PORT (0: any free port). Resolves to {server, origin}.
export function serve(root, port = 0) {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    let file;
    try {
      const pathname = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
      file = path.resolve(base, '.' + pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (file !== base && !file.startsWith(base + path.sep)) {
      response.writeHead(404).end();
      return;
    }
    fs.stat(file, (error, stats) => {
      if (!error && stats.isDirectory()) file = path.join(file, 'index.html');
      fs.readFile(file, (readError, body) => {
        if (readError) {
          response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
          return;
        }
        const type = types[path.extname(file)] ?? 'application/octet-stream';
        response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : body);
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({ server, origin: `http://127.0.0.1:${server.address().port}` });
    });
  });
}

// node scripts/site-server.mjs DIR [PORT]
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [root, port] = process.argv.slice(2);
  if (!root || !fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`usage: node scripts/site-server.mjs SITE-DIR [PORT] (no index.html in ${root})`);
    process.exit(2);
  }
  const { origin } = await serve(root, Number(port ?? 8000));
  console.log(`Serving ${path.resolve(root)} at ${origin}/ (Ctrl-C stops)`);
}
