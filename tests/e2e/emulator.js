'use strict';
// Test-only: starts the telegram-test-api Bot API emulator (a package we did not write) on
// 127.0.0.1:<port>, prints "ready <url>" on stdout, and stops on SIGTERM/SIGINT or when stdin closes
// (so it never outlives the pytest process that started it).
//
// Usage: node emulator.js <port>
//
// Emulator behaviour the Python side works around lives in tests/e2e/emulator_request.py; the one
// quirk on the inbound side is handled here (see "Quirk 7").

const path = require('path');
const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('usage: node emulator.js <port>');
  process.exit(2);
}

// storeTimeout: the emulator forgets messages older than this (default 60 s), which would drop the
// history a slow test reads at its end.
const server = new TelegramServer({ host: '127.0.0.1', port, storeTimeout: 3600 });

// Quirk 7 (webhook mode without the secret header): setWebhook stores the whole request body,
// secret_token included, but addUserUpdate() POSTs updates to the webhook URL without the
// X-Telegram-Bot-Api-Secret-Token header, so python-telegram-bot refuses them (403). Add the header
// to the emulator's own axios instance for requests to a registered webhook URL.
// Quirk 3 again, webhook side: formatUpdate() leaves out callback_query.chat_instance, which
// python-telegram-bot requires. In polling mode emulator_request.py adds it; a webhook POST never
// passes through the bot's request object, so it is added here.
const axios = require(require.resolve('axios', { paths: [path.dirname(require.resolve('telegram-test-api'))] }));
axios.interceptors.request.use((config) => {
  const hook = Object.values(server.webhooks).find((h) => h.url === config.url);
  if (hook) {
    if (hook.secret_token) {
      config.headers = { ...config.headers, 'X-Telegram-Bot-Api-Secret-Token': hook.secret_token };
    }
    const query = config.data && config.data.callback_query;
    if (query && query.chat_instance === undefined) {
      const chat = (query.message && query.message.chat) || {};
      query.chat_instance = `emulator-${chat.id || 0}`;
    }
  }
  return config;
});

// The emulator's client routes (/sendMessage, /sendCallback...) start addUserUpdate() without
// awaiting it; a webhook POST that fails (bot not listening yet) would be an unhandled rejection,
// which ends a Node 20 process. Report it and keep serving.
process.on('unhandledRejection', (reason) => {
  console.error(`emulator: ${reason && reason.message ? reason.message : reason}`);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
}

server.start().then(
  () => {
    process.stdout.write(`ready ${server.config.apiURL}\n`);
    process.stdin.on('end', stop);
    process.stdin.on('close', stop);
    process.stdin.resume();
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  },
  (error) => {
    console.error(`emulator: cannot listen on 127.0.0.1:${port}: ${error.message}`);
    process.exit(1);
  },
);
