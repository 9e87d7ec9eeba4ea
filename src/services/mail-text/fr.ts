import type { MailCatalogue } from './en.js';

// The site's mail in French, with a no-break space (\u00a0) before : ; ? ! and inside « ».

const ROLES: Record<string, string> = { editor: 'rédacteur', member: 'membre' };
const KINDS: Record<string, string> = { post: 'Actualité', event: 'Événement', activity: 'Activité' };

const n = new Intl.NumberFormat('fr');

/** "de Malmö", "d’Anshan" */
const of = (name: string) => (/^[aeiouàâäéèêëîïôöùûüœæ]/i.test(name) ? `d’${name}` : `de ${name}`);

export const fr = {
  reset: (p) => ({
    subject: 'Choisir un nouveau mot de passe',
    body:
      `Bonjour ${p.name},\n\nQuelqu’un (vous, nous l’espérons) a demandé à choisir un nouveau mot de passe pour ${p.email}.\n` +
      `Ouvrez ce lien dans les ${n.format(p.minutes)} minutes pour en choisir un\u00a0:\n\n${p.link}\n\n` +
      'Si ce n’était pas vous, ignorez ce courriel\u00a0: votre mot de passe reste inchangé.\n',
  }),

  confirm: (p) => ({
    subject: 'Confirmez votre adresse électronique',
    body:
      `Bonjour ${p.name},\n\nQuelqu’un (vous, nous l’espérons) a créé un compte avec ${p.email}. ` +
      `Ouvrez ce lien dans les ${n.format(p.days)} jours pour confirmer que cette adresse est bien la vôtre\u00a0:\n\n${p.link}\n\n` +
      'D’ici là, nous n’envoyons aucune notification à cette adresse. Si ce n’était pas vous, ignorez ce courriel.\n',
  }),

  emailToNew: (p) => ({
    subject: 'Confirmez votre nouvelle adresse électronique',
    body:
      `Bonjour ${p.name},\n\nVous avez demandé à transférer votre compte de ${p.from} vers ${p.to}. ` +
      `Ouvrez ce lien dans les ${n.format(p.hours)} heures pour confirmer\u00a0:\n\n${p.link}\n\n` +
      'Si ce n’était pas vous, ignorez ce courriel\u00a0: le compte reste inchangé.\n',
  }),

  emailToOld: (p) => ({
    subject: 'L’adresse électronique de votre compte va changer',
    body:
      `Bonjour ${p.name},\n\nQuelqu’un qui connaît votre mot de passe a demandé à transférer votre compte vers ${p.to}\u00a0; ` +
      'le transfert aura lieu dès que cette adresse sera confirmée.\nSi ce n’était pas vous, connectez-vous et changez votre mot de passe dès maintenant.\n',
  }),

  invite: (p) => ({
    subject: `Invitation à rejoindre ${p.org} sur Twinning`,
    body:
      `${p.by ?? 'Les administrateurs du site'} vous invite${p.by ? '' : 'nt'} à rejoindre ${p.org} sur Twinning en tant que ${ROLES[p.role] ?? p.role}.\n\n` +
      `Inscrivez-vous avec cette adresse et confirmez-la\u00a0: le rôle sera le vôtre.\n\n${p.link}\n\n` +
      'Si vous ne savez pas qui vous a envoyé ce message, ignorez-le.\n',
  }),

  comment: (p) => ({
    subject: `Nouveau commentaire sur «\u00a0${p.postTitle}\u00a0»`,
    body: `${p.author} a écrit\u00a0:\n\n${p.body}\n\nLire et répondre\u00a0: ${p.link}\n`,
  }),

  entry: (p) => ({
    subject: `${KINDS[p.type] ?? 'Nouveauté'} ${of(p.org)}\u00a0: ${p.title}`,
    body: `${p.org} a publié «\u00a0${p.title}\u00a0».\n\nÀ lire ici\u00a0: ${p.link}\n`,
  }),

  digest: (p) => ({
    subject: `Votre résumé quotidien\u00a0: ${n.format(p.items.length)} ${p.items.length <= 1 ? 'nouveauté' : 'nouveautés'}`,
    body:
      `Bonjour ${p.name},\n\nVoici ce qui s’est passé depuis votre dernier résumé\u00a0:\n\n` +
      p.items.map((i) => `* ${i.subject}\n\n${i.body.trim()}\n`).join('\n'),
  }),

  footer: (link) =>
    `\n-- \nVous recevez ce courriel parce que vous suivez ce contenu sur Twinning. Pour arrêter ou modifier ce que vous recevez\u00a0:\n${link}\n`,
} satisfies MailCatalogue;
