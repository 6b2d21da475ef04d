export interface ServedSite {
  /** e.g. http://127.0.0.1:43121 */
  origin: string;
  /** The throw-away project root (Blobs live in its .netlify/). */
  root: string;
  close(): Promise<void>;
}
export function deployConfig(projectRoot?: string): Promise<string>;
export function serveNetlifySite(options: { projectRoot?: string; publishDir: string; functions?: boolean; compress?: boolean }): Promise<ServedSite>;
