import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { isConnectionLost } from '../../store/db.js';
import { pageFor } from '../views/layout.js';

/** An error as a page: what went wrong, in words a visitor can act on. */
export function htmlError(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = req.lang ?? 'en';
  let status = 500;
  let title = lang === 'zh' ? '出错了' : 'Something went wrong';
  let message =
    lang === 'zh'
      ? '服务器出了问题，请稍后再试。'
      : 'Something went wrong on our side. Please try again later.';
  if (isConnectionLost(error)) {
    status = 503;
    title = lang === 'zh' ? '暂时无法访问' : 'Briefly unavailable';
    message =
      lang === 'zh'
        ? '数据库暂时无法连接，请过几秒钟再试。'
        : 'The database cannot be reached just now. Please try again in a few seconds.';
  } else if (error instanceof NotFoundError) {
    status = 404;
    title = lang === 'zh' ? '未找到' : 'Not found';
    message = error.message;
  } else if (
    error instanceof ValidationError ||
    error.validation ||
    (error.statusCode && error.statusCode < 500)
  ) {
    status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
    title = lang === 'zh' ? '请求有误' : 'Please check the request';
    message = error.message;
  } else req.log.error(error);
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      pageFor(req, {
        title,
        children: (
          <>
            <h1>{title}</h1>
            <p>{message}</p>
          </>
        ),
      }),
    );
}
