/**
 * The one rule for which sender a send uses (shared/sender-choice.ts), as the relay applies it and the
 * extension preselects it. The relay's own tests (test/relay/profile-resolution.test.ts, sender-rules,
 * smtp-front-door) cover it end to end; these pin the rule itself.
 */
import { describe, expect, it } from 'vitest';
import { asFacts, chooseSender, chooseSenderForFrom, sendsAs, type SenderFacts } from '../../shared/sender-choice';

type Sender = SenderFacts & { id: string };
let created = 0;
const sender = (id: string, facts: Partial<SenderFacts> = {}): Sender => ({
  id,
  scope: 'personal',
  isDefault: false,
  sites: [],
  projects: [],
  createdAt: ++created,
  fromAddress: `${id}@firma.se`,
  ...facts,
});
const choose = (senders: Sender[], place = {}) => {
  const chosen = chooseSender(senders, place, asFacts);
  return chosen && `${chosen.sender.id} by ${chosen.by}`;
};

describe('chooseSender', () => {
  it('a mapped project beats a mapped site, a site beats every default', () => {
    const site = sender('site', { scope: 'company', sites: ['erp.example'] });
    const project = sender('project', { scope: 'company', projects: ['Nord'] });
    const personalDefault = sender('mine', { isDefault: true });
    expect(choose([site, project, personalDefault], { pageUrl: 'https://erp.example/inv/1', project: ' nord ' })).toBe('project by project');
    expect(choose([site, project, personalDefault], { pageUrl: 'https://erp.example/inv/1' })).toBe('site by site');
    expect(choose([site, project, personalDefault], { pageUrl: 'https://other.example/' })).toBe('mine by personal_default');
  });

  it('between equally specific mappings: personal before company, then the older', () => {
    const company = sender('company', { scope: 'company', sites: ['erp.example'] });
    const older = sender('older', { sites: ['erp.example'] });
    const newer = sender('newer', { sites: ['erp.example'] });
    expect(choose([company, newer, older], { pageUrl: 'https://erp.example/' })).toBe('older by site');
  });

  it('the personal default, then the company default, then the only profile of a scope, else none', () => {
    const companyDefault = sender('cd', { scope: 'company', isDefault: true });
    expect(choose([sender('p1', { isDefault: true }), companyDefault])).toBe('p1 by personal_default');
    expect(choose([sender('p1'), companyDefault])).toBe('cd by company_default');
    expect(choose([sender('p1'), sender('c1', { scope: 'company' })])).toBe('p1 by only_profile');
    expect(choose([sender('c1', { scope: 'company' })])).toBe('c1 by only_profile');
    expect(choose([sender('p1'), sender('p2')])).toBeUndefined();
    expect(choose([sender('c1', { scope: 'company' }), sender('c2', { scope: 'company' })])).toBeUndefined();
    expect(choose([])).toBeUndefined();
  });

  it('works on any shape through its facts (the relay keeps them in a stored row and its data)', () => {
    const rows = [{ row: { id: 'r', scope: 'company' as const, createdAt: 1 }, data: { ...sender('x'), isDefault: true } }];
    expect(chooseSender(rows, {}, ({ row, data }) => ({ ...data, scope: row.scope, createdAt: row.createdAt }))?.by).toBe('company_default');
  });
});

describe('chooseSenderForFrom', () => {
  const pick = (senders: Sender[], from: string, place = {}) => chooseSenderForFrom(senders, from, place, asFacts)?.id;

  it('only a profile that sends as the address: its own, or an allowed one when it allows others', () => {
    const shared = sender('shared', { scope: 'company', fromAddress: 'faktura@firma.se', allowOtherSender: true, allowedSenders: ['@firma.se'] });
    const closed = sender('closed', { fromAddress: 'anna@firma.se', allowedSenders: ['@firma.se'] });
    expect(sendsAs(closed, 'bo@firma.se')).toBe(false);
    expect(pick([shared, closed], 'Bo@firma.se')).toBe('shared');
    expect(pick([shared, closed], 'anna@FIRMA.se')).toBe('closed');
    expect(pick([shared, closed], 'x@elsewhere.example')).toBeUndefined();
  });

  it('personal before company; within a scope the mapped one, then its own address, the default, the oldest', () => {
    const open = { allowOtherSender: true, allowedSenders: ['@firma.se'] };
    const company = sender('company', { scope: 'company', fromAddress: 'anna@firma.se' });
    const a = sender('a', { ...open, fromAddress: 'a@firma.se' });
    const b = sender('b', { ...open, fromAddress: 'b@firma.se', isDefault: true });
    const mapped = sender('mapped', { ...open, fromAddress: 'm@firma.se', projects: ['Nord'] });
    const own = sender('own', { fromAddress: 'anna@firma.se' });
    expect(pick([company, a, b], 'anna@firma.se')).toBe('b');
    expect(pick([company, a, b, mapped], 'anna@firma.se', { project: 'Nord' })).toBe('mapped');
    expect(pick([company, a, b, own], 'anna@firma.se')).toBe('own');
    expect(pick([company, a, sender('c', { ...open, fromAddress: 'c@firma.se' })], 'anna@firma.se')).toBe('a');
    expect(pick([company], 'anna@firma.se')).toBe('company');
  });
});
