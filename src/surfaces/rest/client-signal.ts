import type { Context } from 'koa';

/**
 * Aborts when the REST client goes away before its answer is written (socket destroyed, request
 * abandoned), so the runtime stops the work and appends no design change. The response's 'close'
 * event is used, not the request's: since Node 16 a request emits 'close' once its body is read.
 */
export function clientGoneSignal(ctx: Context): AbortSignal {
  const controller = new AbortController();
  const res = ctx.res;
  const onClose = () => {
    if (!res.writableEnded) controller.abort();
  };
  res.once('close', onClose);
  return controller.signal;
}
