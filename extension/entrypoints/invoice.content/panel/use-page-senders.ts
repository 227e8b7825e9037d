import { useEffect, useState } from 'preact/hooks';
import type { ProfileView } from '../../../../shared/schemas';
import type { DocumentKind } from '../../../../shared/document-kinds';
import type { TemplateLanguage } from '../../../../shared/languages';
import { loadTemplate, type MessageTemplate } from '../../../lib/templates';
import type { DetectedDocument } from '../../../sites/site-adapter';
import { askBackground } from '../background-request';
import type { PanelHost } from '../panel-contract';
import { orderProfilesForPage, problemOf, type Problem } from './panel-helpers';

export interface PageSenders {
  /** The senders the user may use, this site's first; undefined while loading. */
  profiles: ProfileView[] | undefined;
  /** The sender mapped to this site, if any. */
  mappedId: string | undefined;
  profileId: string;
  setProfileId: (id: string) => void;
  /** The message template in the document's language; undefined while loading. */
  template: MessageTemplate | undefined;
}

/**
 * What both panels start from: the senders (the one mapped to this site preselected) and the
 * template of the document's language. A relay that cannot be asked is reported with `onProblem`.
 */
export function usePageSenders(
  host: PanelHost,
  signal: AbortSignal,
  language: TemplateLanguage,
  onProblem: (problem: Problem) => void,
  /** The kind of document: a quote gets the quote's template, not the invoice's (issue 21). */
  kind?: DocumentKind,
): PageSenders {
  const [profiles, setProfiles] = useState<ProfileView[] | undefined>();
  const [mappedId, setMappedId] = useState<string | undefined>();
  const [profileId, setProfileId] = useState('');
  const [template, setTemplate] = useState<MessageTemplate | undefined>();
  useEffect(() => {
    void askBackground({ type: 'profiles.list' }).then((result) => {
      if (signal.aborted) return;
      if (!result.ok) {
        // No "Loading senders…" for ever when the relay cannot be asked: the list is empty and the problem shows.
        setProfiles([]);
        return onProblem(problemOf(result.error));
      }
      const { ordered, preselected, mappedId } = orderProfilesForPage(result.data.profiles, host.pageUrl().href);
      setProfiles(ordered);
      setMappedId(mappedId);
      if (preselected) setProfileId(preselected);
    });
    void loadTemplate(language, kind).then((loaded) => !signal.aborted && setTemplate(loaded));
  }, []);
  return { profiles, mappedId, profileId, setProfileId, template };
}

/** The values a template fills in for one document, with the chosen sender's name. */
export function templateValues(found: DetectedDocument, senderName: string | undefined) {
  return { documentNumber: found.number, customerName: found.customerName, amount: found.amount, dueDate: found.dueDate, senderName };
}
