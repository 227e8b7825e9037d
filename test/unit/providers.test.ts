import { describe, expect, it } from 'vitest';
import {
  PROVIDER_GROUPS,
  providerGroupOf,
  ALLOWED_SMTP_PORTS,
  PROVIDERS,
  defaultPort,
  findProviderByDomain,
  findProviderById,
  findProviderByMx,
  isHostTemplate,
  type SmtpSecurity,
} from '../../shared/providers.ts';

describe('findProviderByDomain', () => {
  it.each([
    ['gmail.com', 'gmail'],
    ['googlemail.com', 'gmail'],
    ['outlook.com', 'outlook'],
    ['hotmail.com', 'outlook'],
    ['hotmail.co.uk', 'outlook'],
    ['live.de', 'outlook'],
    ['msn.com', 'outlook'],
    ['yahoo.com', 'yahoo'],
    ['yahoo.de', 'yahoo'],
    ['ymail.com', 'yahoo'],
    ['icloud.com', 'icloud'],
    ['me.com', 'icloud'],
    ['mac.com', 'icloud'],
    ['zoho.com', 'zoho'],
    ['zoho.eu', 'zoho_eu'],
    ['fastmail.fm', 'fastmail'],
    ['pm.me', 'proton'],
    ['gmx.de', 'gmx_net'],
    ['gmx.com', 'gmx_com'],
    ['web.de', 'webde'],
    ['t-online.de', 'tonline'],
    ['online.de', 'ionos'],
    ['mail.dk', 'yousee'],
    ['wp.pl', 'wp'],
    ['onet.pl', 'onet'],
    ['poczta.onet.pl', 'onet'],
    ['interia.pl', 'interia'],
    ['o2.pl', 'o2'],
  ])('%s -> %s', (domain, id) => {
    expect(findProviderByDomain(domain)?.id).toBe(id);
  });

  it('ignores case, surrounding space and a trailing dot', () => {
    expect(findProviderByDomain('GMail.COM')?.id).toBe('gmail');
    expect(findProviderByDomain(' web.de. ')?.id).toBe('webde');
  });

  it('finds Microsoft 365 for any *.onmicrosoft.com tenant domain', () => {
    expect(findProviderByDomain('contoso.onmicrosoft.com')?.id).toBe('microsoft365');
    expect(findProviderByDomain('Contoso.OnMicrosoft.com.')?.id).toBe('microsoft365');
  });

  it('matches whole domains only, never a look-alike', () => {
    expect(findProviderByDomain('notgmail.com')).toBeUndefined();
    expect(findProviderByDomain('gmail.com.evil.example')).toBeUndefined();
    expect(findProviderByDomain('evilonmicrosoft.com')).toBeUndefined();
    expect(findProviderByDomain('sub.gmail.com')).toBeUndefined();
  });

  it('returns undefined for unknown, empty and custom domains', () => {
    expect(findProviderByDomain('example.org')).toBeUndefined();
    expect(findProviderByDomain('')).toBeUndefined();
    // Yahoo Japan is a different company with its own servers.
    expect(findProviderByDomain('yahoo.co.jp')).toBeUndefined();
  });
});

describe('findProviderByMx', () => {
  it.each([
    ['firma-se.mail.protection.outlook.com', 'microsoft365'],
    ['aspmx.l.google.com', 'google_workspace'],
    ['alt1.aspmx.l.google.com', 'google_workspace'],
    ['aspmx2.googlemail.com', 'google_workspace'],
    ['in1-smtp.messagingengine.com', 'fastmail'],
    ['mx00.kundenserver.de', 'ionos'],
    ['smtpin.rzone.de', 'strato'],
    ['mx1.mail.ovh.net', 'ovh'],
    ['mx.zoho.com', 'zoho'],
    ['mx.zoho.eu', 'zoho_eu'],
  ])('%s -> %s', (host, id) => {
    expect(findProviderByMx([host])?.id).toBe(id);
  });

  it('ignores case and the trailing dot of DNS answers', () => {
    expect(findProviderByMx(['Firma-SE.Mail.Protection.Outlook.com.'])?.id).toBe('microsoft365');
  });

  it('matches the suffix itself but not a look-alike', () => {
    expect(findProviderByMx(['google.com'])?.id).toBe('google_workspace');
    expect(findProviderByMx(['mx.notgoogle.com'])).toBeUndefined();
    expect(findProviderByMx(['google.com.evil.example'])).toBeUndefined();
    // Outlook.com consumer MX is not Microsoft 365.
    expect(findProviderByMx(['eur.olc.protection.outlook.com'])).toBeUndefined();
  });

  it('takes the first host that matches, in the order given', () => {
    expect(findProviderByMx(['mx.example.net', 'mx00.kundenserver.de', 'aspmx.l.google.com'])?.id).toBe('ionos');
  });

  it('returns undefined for unknown or no hosts', () => {
    expect(findProviderByMx(['mx.example.org'])).toBeUndefined();
    expect(findProviderByMx([])).toBeUndefined();
    expect(findProviderByMx(['', '.'])).toBeUndefined();
  });
});

describe('findProviderById', () => {
  it('finds every preset by its id', () => {
    for (const preset of PROVIDERS) expect(findProviderById(preset.id)).toBe(preset);
  });

  it('returns undefined for an unknown id', () => {
    expect(findProviderById('hotmail')).toBeUndefined();
  });
});

describe('defaultPort', () => {
  it('follows the submission conventions', () => {
    expect(defaultPort('tls')).toBe(465);
    expect(defaultPort('starttls')).toBe(587);
    expect(defaultPort('none')).toBe(25);
  });
});

describe('isHostTemplate', () => {
  it('spots an unfilled placeholder', () => {
    expect(isHostTemplate('serwer{number}.home.pl')).toBe(true);
    expect(isHostTemplate('smtp.gmail.com')).toBe(false);
  });
});

describe('provider table', () => {
  const MB = 1_000_000;

  it('has the expected presets', () => {
    expect(PROVIDERS.map((p) => p.id).sort()).toEqual(
      [
        'microsoft365',
        'outlook',
        'gmail',
        'google_workspace',
        'yahoo',
        'icloud',
        'zoho',
        'zoho_eu',
        'fastmail',
        'proton',
        'gmx_net',
        'gmx_com',
        'webde',
        'tonline',
        'ionos',
        'strato',
        'ovh',
        'onecom',
        'simply',
        'yousee',
        'wp',
        'onet',
        'interia',
        'o2',
        'homepl',
        'nazwapl',
        'ses',
        'sendgrid',
        'mailgun',
        'mailgun_eu',
        'postmark',
        'brevo',
        'mailjet',
        'siminn',
        'telia',
        'telenor',
        'altibox',
        'bahnhof',
        'loopia',
        'binero',
        'domeneshop',
      ].sort(),
    );
  });

  it('reaches every preset: by its domain, by its MX hosts, or from the wizard’s list of services', () => {
    for (const preset of PROVIDERS) {
      const byDomain = preset.domains.some((d) => findProviderByDomain(d) === preset);
      const byMx = preset.mxSuffixes.some((suffix) => findProviderByMx([`mx1.${suffix}`]) === preset);
      const listed = PROVIDER_GROUPS.some((group) => group.presets.includes(preset));
      expect(byDomain || byMx || (listed && providerGroupOf(preset) === 'service'), preset.id).toBe(true);
      expect(listed, `${preset.id} is in the wizard's list`).toBe(true);
    }
  });

  it('tells home.pl and nazwa.pl apart by their MX hosts', () => {
    expect(findProviderByMx(['mx.nazwa.pl'])?.id).toBe('nazwapl');
    expect(findProviderByMx(['mx.home.pl'])?.id).toBe('homepl');
    expect(findProviderById('nazwapl')?.smtp[0]?.host).not.toContain('home.pl');
  });

  it('finds the Nordic mailboxes and hosts of our users', () => {
    expect(findProviderByDomain('simnet.is')?.id).toBe('siminn');
    expect(findProviderByDomain('telia.com')?.id).toBe('telia');
    expect(findProviderByDomain('online.no')?.id).toBe('telenor');
    expect(findProviderByDomain('altibox.no')?.id).toBe('altibox');
    expect(findProviderByDomain('bahnhof.se')?.id).toBe('bahnhof');
    expect(findProviderByMx(['mx1.loopia.se'])?.id).toBe('loopia');
    expect(findProviderByMx(['mx.binero.se'])?.id).toBe('binero');
    expect(findProviderByMx(['mx.domeneshop.no'])?.id).toBe('domeneshop');
    expect(findProviderByMx(['mx1.pub.mailpod6-cph3.one.com'])?.id).toBe('onecom');
    expect(findProviderByMx(['mx.simply.com'])?.id).toBe('simply');
  });

  it('has unique ids', () => {
    const ids = PROVIDERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists every domain lower-case and in at most one preset', () => {
    const owner = new Map<string, string>();
    for (const preset of PROVIDERS) {
      for (const domain of [...preset.domains, ...(preset.domainSuffixes ?? [])]) {
        expect(domain, `${preset.id}: ${domain}`).toBe(domain.toLowerCase());
        expect(domain, `${preset.id}: ${domain}`).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        expect(owner.get(domain), `${domain} in ${preset.id} and ${owner.get(domain)}`).toBeUndefined();
        owner.set(domain, preset.id);
      }
    }
  });

  it('lists MX suffixes lower-case, without dots at either end, in at most one preset', () => {
    const owner = new Map<string, string>();
    for (const preset of PROVIDERS) {
      for (const suffix of preset.mxSuffixes) {
        expect(suffix, `${preset.id}: ${suffix}`).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        expect(owner.get(suffix), `${suffix} in ${preset.id} and ${owner.get(suffix)}`).toBeUndefined();
        owner.set(suffix, preset.id);
      }
    }
  });

  // Security modes the facts give per port; anything else must be listed as an exception below.
  const PORT_CONVENTION: Record<number, SmtpSecurity> = {
    25: 'starttls',
    587: 'starttls',
    2525: 'starttls',
    2587: 'starttls',
    465: 'tls',
    2465: 'tls',
  };
  // Proton Mail Bridge: the facts give 127.0.0.1:1025 only; STARTTLS is Bridge's default mode.
  const EXPLICIT_EXCEPTIONS = new Set(['proton 127.0.0.1:1025 starttls']);

  it('uses only known SMTP ports, each with the security its port implies', () => {
    for (const preset of PROVIDERS) {
      for (const setting of preset.smtp) {
        const label = `${preset.id} ${setting.host}:${setting.port} ${setting.security}`;
        expect([25, 465, 587, 2525, 1025, 2465, 2587], label).toContain(setting.port);
        if (!EXPLICIT_EXCEPTIONS.has(label)) expect(setting.security, label).toBe(PORT_CONVENTION[setting.port]);
      }
    }
  });

  it('puts a port the relay allows first, so the preferred setting is usable', () => {
    for (const preset of PROVIDERS) {
      expect(ALLOWED_SMTP_PORTS, preset.id).toContain(preset.smtp[0]?.port);
    }
  });

  it('has no duplicate SMTP settings within a preset', () => {
    for (const preset of PROVIDERS) {
      const keys = preset.smtp.map((s) => `${s.host}:${s.port}`);
      expect(new Set(keys).size, preset.id).toBe(keys.length);
    }
  });

  it('uses IMAP over implicit TLS on 993', () => {
    for (const preset of PROVIDERS) {
      if (preset.imap) expect(preset.imap, preset.id).toMatchObject({ port: 993, security: 'tls' });
    }
  });

  it('writes every host lower-case and without spaces', () => {
    for (const preset of PROVIDERS) {
      for (const { host } of [...preset.smtp, ...(preset.imap ? [preset.imap] : [])]) {
        expect(host, preset.id).toMatch(/^[a-z0-9{}.-]+$/);
      }
    }
  });

  it('uses a host template only where the facts give no fixed host', () => {
    const templated = PROVIDERS.filter((p) => p.smtp.some((s) => isHostTemplate(s.host))).map((p) => p.id);
    expect(templated).toEqual(['homepl', 'nazwapl']);
  });

  it('gives every preset at least one SMTP setting, one auth method and one note', () => {
    for (const preset of PROVIDERS) {
      expect(preset.smtp.length, preset.id).toBeGreaterThan(0);
      expect(preset.auth.length, preset.id).toBeGreaterThan(0);
      expect(preset.notes.length, preset.id).toBeGreaterThan(0);
      for (const note of preset.notes) expect(note.trim(), preset.id).not.toBe('');
    }
  });

  it('marks exactly the presets the facts call unverified', () => {
    expect(
      PROVIDERS.filter((p) => p.unverified)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['altibox', 'bahnhof', 'binero', 'domeneshop', 'homepl', 'interia', 'loopia', 'nazwapl', 'simply', 'siminn', 'telenor', 'telia'].sort());
  });

  it('carries the documented limits and Sent-copy behaviour', () => {
    expect(findProviderById('microsoft365')?.limits).toEqual({
      maxConnections: 3,
      messagesPerMinute: 30,
      maxMessageBytes: 35 * MB,
      recipientsPerDay: 10_000,
    });
    expect(findProviderById('gmail')?.limits?.maxMessageBytes).toBe(25 * MB);
    expect(findProviderById('outlook')?.limits?.maxMessageBytes).toBe(25 * MB);
    expect(findProviderById('icloud')?.limits?.maxMessageBytes).toBe(20 * MB);
    expect(findProviderById('ses')?.limits?.maxMessageBytes).toBe(40 * MB);
    expect(findProviderById('microsoft365')?.serverSavesSentCopy).toBe(true);
    expect(findProviderById('gmail')?.serverSavesSentCopy).toBe(true);
    expect(findProviderById('fastmail')?.serverSavesSentCopy).toBeUndefined();
  });

  it('cannot be changed by a caller', () => {
    const gmail = findProviderById('gmail')!;
    expect(() => gmail.notes.push('changed')).toThrow(TypeError);
    expect(() => {
      gmail.smtp[0]!.port = 25;
    }).toThrow(TypeError);
    expect(gmail.smtp[0]?.port).toBe(465);
  });

  it('keeps the allowed port list to the submission ports', () => {
    expect([...ALLOWED_SMTP_PORTS]).toEqual([25, 465, 587, 2525]);
  });
});
