/**
 * Intake logs: a request id, the route, the status, an error kind and the timing. Never a
 * field value: callers can only pass the names below, so personal data has no way in.
 * Lines with `level: 'error'` go to console.error, where Netlify's log view marks them.
 */
export interface LogLine {
  route: 'referral' | 'advice' | 'outbox-retry' | 'intake-challenge';
  level?: 'info' | 'error';
  status?: number;
  delivery?: 'sent' | 'queued' | 'unavailable' | 'rejected' | 'already_sent' | 'honeypot' | 'limited';
  error?: string;
  centre?: string;
  counts?: Record<string, number>;
  /** Kinds of outbox keys that were skipped (e.g. `referral`, `advice-receipt`), never the key. */
  skippedKinds?: string[];
}

export type LogSink = (line: string, level: 'info' | 'error') => void;
let sink: LogSink = (line, level) => (level === 'error' ? console.error(line) : console.info(line));

/** Tests capture every line here. */
export function setLogSink(next: LogSink): void {
  sink = next;
}

export function startLog(route: LogLine['route'], requestId: string = crypto.randomUUID()) {
  const started = performance.now();
  return {
    requestId,
    done(line: Omit<LogLine, 'route'>): void {
      const level = line.level ?? 'info';
      const entry = {
        at: 'intake', route, level, request: requestId,
        status: line.status, delivery: line.delivery, error: line.error, centre: line.centre, counts: line.counts, skippedKinds: line.skippedKinds,
        ms: Math.round(performance.now() - started),
      };
      sink(JSON.stringify(entry), level);
    },
  };
}

/** A setting that is wrong for this context, by name only (never its value). */
export function logSettingError(route: LogLine['route'], name: string, problem: string): void {
  sink(JSON.stringify({ at: 'intake', route, level: 'error', error: `${problem}:${name.replace(/[^A-Z_]/g, '')}` }), 'error');
}
