import { Writable } from 'node:stream';
import { createLogger, withCorrelationId } from '../../bot/logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('logs', () => {
  it('carry the request’s correlation id on every line written while serving it', async () => {
    const { lines, logger } = capture();
    await withCorrelationId(async () => {
      logger.info('first');
      await new Promise((r) => setImmediate(r));
      logger.info('after an await');
    }, 'req-42');
    logger.info('outside');
    expect(lines.map((l) => l.reqId)).toEqual(['req-42', 'req-42', undefined]);
  });

  it('redact secrets wherever they appear', () => {
    const { lines, logger } = capture();
    logger.info({ password: 'p1', config: { appPassword: 'p2', signingSecret: 's', botToken: 't' }, headers: { authorization: 'Bearer x' } }, 'x');
    const text = JSON.stringify(lines[0]);
    for (const secret of ['p1', 'p2', '"s"', '"t"', 'Bearer x']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
