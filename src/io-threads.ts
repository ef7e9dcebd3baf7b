/**
 * The file store syncs many session files at once (one fdatasync each, in parallel), and Node runs
 * fsync on libuv's thread pool, 4 threads by default. libuv reads UV_THREADPOOL_SIZE when the pool
 * first starts, so this module is imported first by the entry point, before any asynchronous I/O.
 */
process.env['UV_THREADPOOL_SIZE'] ??= '64';
