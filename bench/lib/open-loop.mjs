// An open-loop load generator: arrivals at a fixed rate, whatever the answers do.
// (autocannon's overallRate is not one: it splits the rate over its connections and each
// sends its quota for the second at once, so "10/s" on 10 connections is a burst of 10.)
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Sends `rate × seconds` requests, request i at start + i·1000/rate ms (evenly spaced,
 * never held back by a slow answer: a keep-alive agent with up to 512 sockets). Latency is
 * from the request's *scheduled* time to the end of its response body, so a generator that
 * falls behind counts the delay against the service instead of hiding it (no coordinated
 * omission).
 * @param {object} options
 * @param {string} options.url
 * @param {number} options.rate requests per second
 * @param {number} options.seconds length of the arrival window
 * @param {(i: number) => { method?: string, headers?: Record<string, string>, body?: string }} options.makeRequest request i
 * @param {number} [options.timeoutMs] per request, from its scheduled time; then it counts as an error
 * @returns {Promise<{ latencies: number[], statuses: Record<string, number>, errors: number, durationSeconds: number, offered: number }>}
 *   latencies in ms per answered request (in order of answer); errors: socket errors and timeouts;
 *   durationSeconds: the arrival window, or longer when the last answer came after it
 */
export async function openLoop({ url, rate, seconds, makeRequest, timeoutMs = 10_000 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const offered = Math.round(rate * seconds);
  const latencies = [];
  const statuses = {};
  let errors = 0;
  const send = (scheduled, { method = 'GET', headers = {}, body } = {}) =>
    new Promise((resolve) => {
      let settled = false;
      const settle = (status) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (status === null) errors++;
        else {
          latencies.push(performance.now() - scheduled);
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
        resolve();
      };
      const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
      const req = http.request(url, { method, headers: { ...headers, ...length }, agent }, (res) => {
        res.resume();
        res.once('end', () => settle(res.statusCode));
        res.once('error', () => settle(null));
      });
      const timer = setTimeout(() => req.destroy(new Error('timeout')), Math.max(1, scheduled + timeoutMs - performance.now()));
      req.once('error', () => settle(null));
      req.end(body);
    });
  const start = performance.now();
  const pending = [];
  for (let i = 0; i < offered; i++) {
    const scheduled = start + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(send(scheduled, makeRequest(i)));
  }
  await Promise.all(pending);
  const durationSeconds = Math.max(seconds, (performance.now() - start) / 1000);
  agent.destroy();
  return { latencies, statuses, errors, durationSeconds, offered };
}
