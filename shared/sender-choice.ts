/**
 * Which sender profile a send uses when the user picks none: one rule, used by the relay (which
 * decides) and by the extension (which preselects what the relay would decide). Pure: it sees only
 * the profiles the user may use and what the send says about itself.
 *
 * A send from a page (issue 3, "Scopes and resolution"):
 * 1. a profile mapped to the page: its `projects` list the send's project, or its `sites` match the
 *    page's URL. The most specific mapping wins (project, then URL prefix, then host, then wildcard);
 *    between equally specific ones, a personal profile wins over a company one, then the older;
 * 2. else the user's personal default;
 * 3. else the company default;
 * 4. else, when the user can use exactly one profile of a scope (personal first), that one;
 * 5. else none (the relay answers 422 `no_sender_profile`).
 *
 * A personal setting always wins over the company's at the same step. A company mapping still wins
 * over a personal default: mapping a brand's site to the brand's mailbox is what the mapping is for.
 *
 * A send that names only its From address (an app over the SMTP front door, issue 19): see
 * `chooseSenderForFrom`.
 */
import { sameAddress } from './address';
import { matchesAnySenderPattern } from './sender-patterns';
import { bestSiteScore, normaliseProjectName } from './site-patterns';

/** What the choice looks at in a profile. */
export interface SenderFacts {
  scope: 'personal' | 'company';
  isDefault: boolean;
  sites?: readonly string[];
  projects?: readonly string[];
  /** Epoch milliseconds or an ISO date: only compared with another profile's. */
  createdAt: number | string;
  fromAddress: string;
  allowOtherSender?: boolean;
  allowedSenders?: readonly string[];
}

/** Where a send comes from. */
export interface SendPlace {
  pageUrl?: string;
  project?: string;
}

export type ChosenBy = 'project' | 'site' | 'personal_default' | 'company_default' | 'only_profile';

/** For profiles that have the facts as their own fields (the API's profile view). */
export const asFacts = <T extends SenderFacts>(profile: T): SenderFacts => profile;

export interface SenderChoice<T> {
  sender: T;
  by: ChosenBy;
}

/** A project match outranks every site match (a project is narrower than the site it lives on). */
const PROJECT_SCORE = 10_000_000;

function mappingScore(facts: SenderFacts, place: SendPlace): { score: number; by: 'project' | 'site' } | undefined {
  if (place.project) {
    const wanted = normaliseProjectName(place.project);
    if (wanted && (facts.projects ?? []).some((p) => normaliseProjectName(p) === wanted)) return { score: PROJECT_SCORE, by: 'project' };
  }
  if (place.pageUrl) {
    const score = bestSiteScore(facts.sites ?? [], place.pageUrl);
    if (score !== undefined) return { score, by: 'site' };
  }
  return undefined;
}

/** The profile mapped to this page or project, if any (step 1). */
export function findMappedSender<T>(senders: readonly T[], place: SendPlace, factsOf: (sender: T) => SenderFacts): SenderChoice<T> | undefined {
  let best: { sender: T; facts: SenderFacts; score: number; by: 'project' | 'site' } | undefined;
  for (const sender of senders) {
    const facts = factsOf(sender);
    const match = mappingScore(facts, place);
    if (!match) continue;
    const better =
      !best ||
      match.score > best.score ||
      (match.score === best.score && facts.scope === 'personal' && best.facts.scope === 'company') ||
      (match.score === best.score && facts.scope === best.facts.scope && facts.createdAt < best.facts.createdAt);
    if (better) best = { sender, facts, ...match };
  }
  return best && { sender: best.sender, by: best.by };
}

/**
 * The profile a send from `place` uses (steps 1 to 5 above), among `senders`, the profiles the user
 * may use; undefined when none can be chosen.
 *
 * @example
 * chooseSender([personal, companyDefault], {}, asFacts) // { sender: companyDefault, by: 'company_default' }
 */
export function chooseSender<T>(senders: readonly T[], place: SendPlace, factsOf: (sender: T) => SenderFacts): SenderChoice<T> | undefined {
  const mapped = findMappedSender(senders, place, factsOf);
  if (mapped) return mapped;
  const personal = senders.filter((s) => factsOf(s).scope === 'personal');
  const company = senders.filter((s) => factsOf(s).scope === 'company');
  const personalDefault = personal.find((s) => factsOf(s).isDefault);
  if (personalDefault) return { sender: personalDefault, by: 'personal_default' };
  const companyDefault = company.find((s) => factsOf(s).isDefault);
  if (companyDefault) return { sender: companyDefault, by: 'company_default' };
  const only = personal.length === 1 ? personal[0] : personal.length === 0 && company.length === 1 ? company[0] : undefined;
  return only === undefined ? undefined : { sender: only, by: 'only_profile' };
}

/** Whether a profile may send as `address`: its own, or one of its allowed senders when it allows others. */
export function sendsAs(facts: Pick<SenderFacts, 'fromAddress' | 'allowOtherSender' | 'allowedSenders'>, address: string): boolean {
  return sameAddress(facts.fromAddress, address) || (facts.allowOtherSender === true && matchesAnySenderPattern(facts.allowedSenders ?? [], address));
}

/**
 * The profile a send that names only its From address uses (issue 19). Among the profiles that send
 * as that address (`sendsAs`):
 *
 * 1. personal before company;
 * 2. among several of one scope, the one mapped to the send's project or site;
 * 3. else the one whose own address it is, then the default, then the oldest.
 *
 * Undefined when no profile sends as `from`.
 */
export function chooseSenderForFrom<T>(senders: readonly T[], from: string, place: SendPlace, factsOf: (sender: T) => SenderFacts): T | undefined {
  const candidates = senders.filter((s) => sendsAs(factsOf(s), from));
  for (const scope of ['personal', 'company'] as const) {
    const tier = candidates.filter((s) => factsOf(s).scope === scope);
    if (tier.length === 0) continue;
    if (tier.length === 1) return tier[0]!;
    const mapped = findMappedSender(tier, place, factsOf);
    if (mapped) return mapped.sender;
    const own = tier.filter((s) => sameAddress(factsOf(s).fromAddress, from));
    const pool = own.length ? own : tier;
    return pool.find((s) => factsOf(s).isDefault) ?? [...pool].sort((a, b) => compare(factsOf(a).createdAt, factsOf(b).createdAt))[0]!;
  }
  return undefined;
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
