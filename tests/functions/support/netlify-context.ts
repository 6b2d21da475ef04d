import type { Context } from '@netlify/functions';

export type DeployContext = 'production' | 'deploy-preview' | 'branch-deploy' | 'dev';

/**
 * A context object shaped like the one Netlify passes as the second argument of a v2
 * function (`handler(request, context)`). The deploy context comes only from here: Netlify
 * gives functions no CONTEXT variable at runtime, so no test sets one.
 */
const deployIds: Record<DeployContext, string> = {
  production: '65a1f0c2d3e4b5a6c7d8e9f0', 'deploy-preview': '65a1f0c2d3e4b5a6c7d8e9f1', 'branch-deploy': '65a1f0c2d3e4b5a6c7d8e9f2', dev: '0',
};

export function netlifyContext(deployContext: DeployContext = 'production', url = 'https://veilighuis.example/'): Context {
  const notInTests = () => { throw new Error('not available in tests'); };
  return {
    account: { id: 'test-account' },
    cookies: { get: () => '', set: () => {}, delete: () => {} },
    // A deploy id as Netlify makes them (24 hex digits), one per context here.
    deploy: { context: deployContext, id: deployIds[deployContext], published: deployContext === 'production' },
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
