/**
 * The project or brand of an enabled site (issue 21 item 7): the user names it once on the options page,
 * and every send from that site carries it as `context.project`, so the relay picks the sender mapped to
 * it. Kept in the extension's own storage and read by the background from the tab's address: a page
 * cannot choose it.
 */
import { enabledSitesItem } from './settings-items';

/** Longest project name the relay accepts in `context.project`. */
export const MAX_PROJECT_LENGTH = 200;

/** Sets (or, with an empty name, removes) the project of the enabled site with this origin. */
export async function setSiteProject(origin: string, project: string): Promise<void> {
  const name = project.trim().slice(0, MAX_PROJECT_LENGTH);
  const sites = await enabledSitesItem.getValue();
  await enabledSitesItem.setValue(
    sites.map((site) => {
      if (site.origin !== origin) return site;
      const { project: _old, ...rest } = site;
      return name ? { ...rest, project: name } : rest;
    }),
  );
}

/** The project of the enabled site a page belongs to, if the user named one. */
export async function projectForPage(pageUrl: string | undefined): Promise<string | undefined> {
  if (!pageUrl || !URL.canParse(pageUrl)) return undefined;
  const origin = new URL(pageUrl).origin;
  const sites = await enabledSitesItem.getValue();
  return sites.find((site) => site.origin === origin)?.project;
}
