#!/usr/bin/env node
/**
 * The `zaptrace` command. A CommonJS launcher on purpose: the file store syncs many session files at
 * once (one fdatasync each, in parallel, docs/log-integrity.md), Node runs fsync on libuv's thread
 * pool (4 threads by default), and libuv reads UV_THREADPOOL_SIZE when the pool first starts. An ES
 * module entry is itself read through that pool, so only a CommonJS entry (read synchronously) can
 * size the pool before it starts; everything else lives in main.ts.
 */
process.env['UV_THREADPOOL_SIZE'] ??= '64';
void import('./main.js');
