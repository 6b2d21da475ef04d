/**
 * Intake logs: a request id, the route, the status, an error kind and the timing. Never a
 * field value: callers can only pass the names below, so personal data has no way in.
 */
export interface LogLine {
  route: 'referral' | 'advice' | 'outbox-retry';
  status?: number;
  delivery?: 'sent' | 'queued' | 'unavailable' | 'honeypot';
  error?: string;
  centre?: string;
  counts?: Record<string, number>;
}

export type LogSink = (line: string) => void;
let sink: LogSink = (line) => console.info(line);

/** Tests capture every line here. */
export function setLogSink(next: LogSink): void {
  sink = next;
}

export function startLog(route: LogLine['route']) {
  const requestId = crypto.randomUUID();
  const started = performance.now();
  return {
    requestId,
    done(line: Omit<LogLine, 'route'>): void {
      const entry = {
        at: 'intake', route, request: requestId,
        status: line.status, delivery: line.delivery, error: line.error, centre: line.centre, counts: line.counts,
        ms: Math.round(performance.now() - started),
      };
      sink(JSON.stringify(entry));
    },
  };
}
