/** The two intake forms. */
export type FormKind = 'referral' | 'advice';

/**
 * Netlify's deploy contexts as a v2 function reads them from `context.deploy.context`.
 * Netlify gives functions no CONTEXT variable at runtime, so this is the only source.
 */
export type DeployContext = 'production' | 'deploy-preview' | 'branch-deploy' | 'dev';

/** What the platform's context says, or `dev` when it says nothing we know (e.g. a plain test runner). */
export function deployContextOf(context: { deploy?: { context?: string } } | undefined): DeployContext {
  const value = context?.deploy?.context;
  return value === 'production' || value === 'deploy-preview' || value === 'branch-deploy' ? value : 'dev';
}
