// text messages to residents (sign-in codes) go through one interface. Development and the demo use
// the log transport: the message is written to the server log. To send real SMS, implement
// `MessageSender` for the provider (Aliyun SMS, Tencent Cloud SMS, …: template id + the code as its
// parameter) and return it from `messageSender` when its settings are present in the environment, e.g.
//
//   if (env.SMS_PROVIDER === 'aliyun') return aliyunSender({ accessKey: env.SMS_KEY, secret: env.SMS_SECRET, sign: env.SMS_SIGN, template: env.SMS_TEMPLATE });
//
// A sender must not throw for an unknown number; failures are logged, never shown to the caller.
import type { FastifyBaseLogger } from 'fastify';

export interface TextMessage {
  phone: string;
  /** a key of the message: 'sign_in_code' */
  purpose: 'sign_in_code';
  code: string;
  minutes: number;
}

export interface MessageSender {
  readonly name: string;
  send(message: TextMessage): Promise<void>;
}

/** The log transport: the code is printed in the server log (development, demo, tests). */
export function logSender(log: Pick<FastifyBaseLogger, 'info'>): MessageSender {
  return {
    name: 'log',
    async send(m) {
      log.info({ phone: m.phone, purpose: m.purpose }, `[sms] ${m.phone}: 您的住户端登录验证码是 ${m.code}，${m.minutes} 分钟内有效。`);
    },
  };
}

/** The sender the server uses; the place to plug an SMS provider (see above). */
export function messageSender(log: Pick<FastifyBaseLogger, 'info'>, _env = process.env): MessageSender {
  return logSender(log);
}
