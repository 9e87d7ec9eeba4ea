import type { MailCatalogue } from './en.js';

// The site's mail in Spanish (usted, as program offices write to the public).

const ROLES: Record<string, string> = { editor: 'editor', member: 'miembro' };
const KINDS: Record<string, string> = { post: 'Noticia', event: 'Evento', activity: 'Actividad' };
const plural = new Intl.PluralRules('es');
const num = new Intl.NumberFormat('es');

export const es = {
  reset: (p) => ({
    subject: 'Elija una contraseña nueva',
    body:
      `Hola, ${p.name}:\n\nAlguien (esperamos que usted) pidió elegir una contraseña nueva para ${p.email}.\n` +
      `Abra este enlace en los próximos ${num.format(p.minutes)} minutos para elegirla:\n\n${p.link}\n\n` +
      'Si no fue usted, ignore este correo: su contraseña no cambia.\n',
  }),

  confirm: (p) => ({
    subject: 'Confirme su dirección de correo electrónico',
    body:
      `Hola, ${p.name}:\n\nAlguien (esperamos que usted) creó una cuenta con ${p.email}. ` +
      `Abra este enlace en ${plural.select(p.days) === 'one' ? 'el próximo día' : `los próximos ${num.format(p.days)} días`} para confirmar que la dirección es suya:\n\n${p.link}\n\n` +
      'Hasta entonces no enviaremos notificaciones a esta dirección. Si no fue usted, ignore este correo.\n',
  }),

  emailToNew: (p) => ({
    subject: 'Confirme su nueva dirección de correo electrónico',
    body:
      `Hola, ${p.name}:\n\nPidió pasar su cuenta de ${p.from} a ${p.to}. ` +
      `Abra este enlace en ${plural.select(p.hours) === 'one' ? 'la próxima hora' : `las próximas ${num.format(p.hours)} horas`} para confirmarlo:\n\n${p.link}\n\n` +
      'Si no fue usted, ignore este correo: la cuenta no cambia.\n',
  }),

  emailToOld: (p) => ({
    subject: 'La dirección de correo de su cuenta va a cambiar',
    body:
      `Hola, ${p.name}:\n\nAlguien con su contraseña pidió pasar su cuenta a ${p.to}; ` +
      'el cambio se hará en cuanto se confirme esa dirección.\nSi no fue usted, inicie sesión y cambie su contraseña ahora mismo.\n',
  }),

  invite: (p) => ({
    subject: `Invitación a ${p.org} en Twinning`,
    body:
      `${p.by ?? 'La administración del sitio'} le invita a ${p.org} en Twinning como ${ROLES[p.role] ?? p.role}.\n\n` +
      `Regístrese con esta dirección y confírmela, y la función será suya:\n\n${p.link}\n\n` +
      'Si no sabe quién envió esto, ignórelo.\n',
  }),

  comment: (p) => ({
    subject: `Nuevo comentario en “${p.postTitle}”`,
    body: `${p.author} escribió:\n\n${p.body}\n\nLea y responda en ${p.link}\n`,
  }),

  entry: (p) => ({
    subject: `${KINDS[p.type] ?? 'Novedad'} de ${p.org}: ${p.title}`,
    body: `${p.org} publicó “${p.title}”.\n\nLéalo en ${p.link}\n`,
  }),

  digest: (p) => ({
    subject: `Su resumen diario: ${num.format(p.items.length)} ${plural.select(p.items.length) === 'one' ? 'novedad' : 'novedades'}`,
    body:
      `Hola, ${p.name}:\n\nEsto es lo que ha pasado desde su último resumen:\n\n` +
      p.items.map((i) => `* ${i.subject}\n\n${i.body.trim()}\n`).join('\n'),
  }),

  footer: (link) =>
    `\n-- \nRecibe este correo porque sigue este contenido en Twinning. Para dejar de recibirlo o cambiar lo que recibe:\n${link}\n`,
} satisfies MailCatalogue;
