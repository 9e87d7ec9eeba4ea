import type { MailCatalogue } from './en.js';

// The site's mail in German. After the greeting „Hallo …,“ the text goes on in lower case, as German letters do.

const ROLES: Record<string, string> = { editor: 'Redakteurin oder Redakteur', member: 'Mitglied' };
const KINDS: Record<string, string> = { post: 'Neuigkeit', event: 'Termin', activity: 'Aktivität' };

const n = new Intl.NumberFormat('de');

export const de = {
  reset: (p) => ({
    subject: 'Neues Passwort wählen',
    body:
      `Hallo ${p.name},\n\njemand (hoffentlich Sie) möchte ein neues Passwort für ${p.email} wählen.\n` +
      `Öffnen Sie innerhalb von ${n.format(p.minutes)} Minuten diesen Link, um eines zu wählen:\n\n${p.link}\n\n` +
      'Falls Sie das nicht waren, ignorieren Sie diese E-Mail: Ihr Passwort bleibt, wie es ist.\n',
  }),

  confirm: (p) => ({
    subject: 'Bitte bestätigen Sie Ihre E-Mail-Adresse',
    body:
      `Hallo ${p.name},\n\njemand (hoffentlich Sie) hat mit ${p.email} ein Konto angelegt. ` +
      `Öffnen Sie innerhalb von ${n.format(p.days)} Tagen diesen Link, um zu bestätigen, dass die Adresse Ihnen gehört:\n\n${p.link}\n\n` +
      'Bis dahin schicken wir an diese Adresse keine Benachrichtigungen. Falls Sie das nicht waren, ignorieren Sie diese E-Mail.\n',
  }),

  emailToNew: (p) => ({
    subject: 'Bitte bestätigen Sie Ihre neue E-Mail-Adresse',
    body:
      `Hallo ${p.name},\n\nSie möchten Ihr Konto von ${p.from} nach ${p.to} umziehen. ` +
      `Öffnen Sie zur Bestätigung innerhalb von ${n.format(p.hours)} Stunden diesen Link:\n\n${p.link}\n\n` +
      'Falls Sie das nicht waren, ignorieren Sie diese E-Mail: Das Konto bleibt, wie es ist.\n',
  }),

  emailToOld: (p) => ({
    subject: 'Die E-Mail-Adresse Ihres Kontos ändert sich bald',
    body:
      `Hallo ${p.name},\n\njemand mit Ihrem Passwort möchte Ihr Konto nach ${p.to} umziehen; ` +
      'der Umzug erfolgt, sobald diese Adresse bestätigt ist.\nFalls Sie das nicht waren, melden Sie sich an und ändern Sie sofort Ihr Passwort.\n',
  }),

  invite: (p) => ({
    subject: `Einladung zu ${p.org} auf Twinning`,
    body:
      `${p.by ?? 'Die Verwaltung der Website'} lädt Sie zu ${p.org} auf Twinning ein, als ${ROLES[p.role] ?? p.role}.\n\n` +
      `Registrieren Sie sich mit dieser Adresse und bestätigen Sie sie, dann gehört die Rolle Ihnen:\n\n${p.link}\n\n` +
      'Falls Sie nicht wissen, wer Ihnen das geschickt hat, ignorieren Sie diese E-Mail.\n',
  }),

  comment: (p) => ({
    subject: `Neuer Kommentar zu „${p.postTitle}“`,
    body: `${p.author} schreibt:\n\n${p.body}\n\nLesen und antworten: ${p.link}\n`,
  }),

  entry: (p) => ({
    subject: `${KINDS[p.type] ?? 'Neu'} von ${p.org}: ${p.title}`,
    body: `${p.org} hat „${p.title}“ veröffentlicht.\n\nZum Lesen: ${p.link}\n`,
  }),

  digest: (p) => ({
    subject: `Ihre tägliche Zusammenfassung: ${n.format(p.items.length)} ${p.items.length === 1 ? 'Neuigkeit' : 'Neuigkeiten'}`,
    body:
      `Hallo ${p.name},\n\ndas ist seit Ihrer letzten Zusammenfassung geschehen:\n\n` +
      p.items.map((i) => `* ${i.subject}\n\n${i.body.trim()}\n`).join('\n'),
  }),

  footer: (link) =>
    `\n-- \nSie erhalten diese E-Mail, weil Sie dem Inhalt auf Twinning folgen. Um sie abzubestellen oder zu ändern, was Sie erhalten:\n${link}\n`,
} satisfies MailCatalogue;
