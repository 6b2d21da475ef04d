import type { Context } from '@netlify/functions';

export type DeployContext = 'production' | 'deploy-preview' | 'branch-deploy' | 'dev';

/**
 * A context object shaped like the one Netlify passes as the second argument of a v2
 * function (`handler(request, context)`). The deploy context comes only from here: Netlify
 * gives functions no CONTEXT variable at runtime, so no test sets one.
 */
export function netlifyContext(deployContext: DeployContext = 'production', url = 'https://veilighuis.example/'): Context {
  const notInTests = () => { throw new Error('not available in tests'); };
  return {
    account: { id: 'test-account' },
    cookies: { get: () => '', set: () => {}, delete: () => {} },
    deploy: { context: deployContext, id: `deploy-${deployContext}`, published: deployContext === 'production' },
    geo: { country: { code: 'BE', name: 'Belgium' }, timezone: 'Europe/Brussels' },
    ip: '192.0.2.10',
    json: (input: unknown) => Response.json(input),
    log: () => {},
    next: notInTests as Context['next'],
    params: {},
    rewrite: notInTests,
    requestId: crypto.randomUUID(),
    server: { region: 'eu-central-1' },
    site: { id: 'test-site', name: 'ifg-portaal', url: 'https://veilighuis.example' },
    url: new URL(url),
    waitUntil: () => {},
  } as Context;
}
