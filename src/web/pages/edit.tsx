import { diffWords } from 'diff';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, NotFoundError, ValidationError, type Problem } from '../../domain/errors.js';
import { TWINNING_KINDS, TWINNING_STATUSES } from '../../domain/twinnings.js';
import { PLACE_FACTS, TIE_FACTS, type FactValues, type FactsService } from '../../services/facts.js';
import { SECTION_KEYS, type SubjectType } from '../../domain/sections.js';
import type { ContentService } from '../../services/content.js';
import type { PlacesService } from '../../services/places.js';
import type { Store } from '../../store/store.js';
import type { Revision } from '../../store/revisions-repo.js';
import { idParam } from '../site.js';
import { csrfToken, signInFirst } from '../auth.js';
import { KIND_LABELS, STATUS_LABELS, localName, type Lang } from '../views/i18n.js';
import { href, html, pageFor } from '../views/layout.js';
import { placePath } from '../views/links.js';
import { FieldShell, Notice, PostForm, Problems, formText } from '../views/post-form.js';
import { FieldChanges, RevisionLog } from '../views/revisions.js';
import { SECTION_LABELS } from '../views/sections.js';
import { renderMarkdown } from '../views/markdown.js';
import { problemsOf } from './account.js';

const T = {
  en: {
    edit: (what: string) => `Edit: ${what}`,
    sections: 'Sections',
    written: 'written in',
    notWritten: 'not written yet',
    text: 'Text (Markdown)',
    textHint:
      'Paragraphs are separated by an empty line; **bold**, *italic*, [a link](https://example.org), lists with "- ". An empty text removes the section.',
    textLang: 'Language of the text',
    save: 'Save',
    saved: 'Saved.',
    removed: 'Removed.',
    unchanged: 'Nothing changed.',
    restored: 'The old version is back.',
    cannot: 'That did not work',
    history: 'History',
    historyOf: (what: string) => `History: ${what}`,
    back: 'Back to the page',
    preview: 'As it reads now',
    otherLang: 'Edit in another language',
    facts: 'Facts',
    saveFacts: 'Save the facts',
    original: 'As the data had it before the first edit here',
  },
  zh: {
    edit: (what: string) => `编辑：${what}`,
    sections: '各部分',
    written: '已撰写语言',
    notWritten: '尚未撰写',
    text: '正文（Markdown）',
    textHint:
      '段落之间空一行；**粗体**、*斜体*、[链接](https://example.org)、以“- ”开头的列表。正文留空即删除此部分。',
    textLang: '正文语言',
    save: '保存',
    saved: '已保存。',
    removed: '已删除。',
    unchanged: '没有改动。',
    restored: '已恢复旧版本。',
    cannot: '未能完成',
    history: '修订历史',
    historyOf: (what: string) => `修订历史：${what}`,
    back: '返回页面',
    preview: '当前内容',
    otherLang: '以其他语言编辑',
    facts: '基本信息',
    saveFacts: '保存基本信息',
    original: '首次在此编辑之前的数据',
  },
};

/** Text languages offered in the editor; others can be typed into the address (?in=fr). */
const TEXT_LANGS: [string, string][] = [
  ['en', 'English'],
  ['zh', '中文'],
  ['ja', '日本語'],
  ['ko', '한국어'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
  ['es', 'Español'],
  ['ru', 'Русский'],
];
const TEXT_LANG = /^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$/;

type UrlType = 'place' | 'country' | 'tie';
const SUBJECT: Record<UrlType, SubjectType> = { place: 'place', country: 'country', tie: 'twinning' };
const URL_TYPE: Record<SubjectType, UrlType> = { place: 'place', country: 'country', twinning: 'tie' };

/** The history page of a section, from its revision entity id ("twinning/12/story/en"). */
export function sectionHistoryPath(entityId: string, lang: Lang): string {
  const [type, id, key, textLang] = entityId.split('/') as [SubjectType, string, string, string];
  return href(`/history/${URL_TYPE[type]}/${id}/${key}`, lang, { in: textLang });
}

interface Subject {
  type: SubjectType;
  id: string;
  /** the subject's name in the reader's language */
  name: string;
  /** its public page */
  path: string;
}

/** The web editor for profile sections, with each section's history and restore. */
export function editPages(
  app: FastifyInstance,
  deps: { store: Store; content: ContentService; places: PlacesService; facts: FactsService },
): void {
  const { store, content } = deps;

  async function subjectOf(typeText: string, id: string, lang: Lang): Promise<Subject> {
    const type = SUBJECT[typeText as UrlType];
    if (!type)
      throw new NotFoundError(`There is nothing to edit at /edit/${typeText}; use place, country or tie.`);
    if (type === 'twinning') {
      const n = Number(id);
      const tie = Number.isInteger(n) ? await store.twinnings.get(n) : undefined;
      if (!tie) throw new NotFoundError(`There is no tie with id ${id}.`);
      const sides = await store.places.getMany([tie.a, tie.b]);
      const nm = (x: string) => {
        const p = sides.get(x);
        return p ? localName(p, lang) : x;
      };
      return { type, id, name: `${nm(tie.a)} – ${nm(tie.b)}`, path: `/ties/${tie.id}` };
    }
    const place = await store.places.get(id);
    if (!place || (place.kind === 'country') !== (type === 'country'))
      throw new NotFoundError(`There is no ${type} with id ${id}.`);
    return {
      type,
      id,
      name: localName(place, lang),
      path: type === 'country' ? `/countries/${place.id}` : placePath(place),
    };
  }

  /** The subject if the signed-in actor may edit it; a redirect to sign in (null), or 403. */
  async function editable(
    req: FastifyRequest<{ Params: { type: string; id: string } }>,
    reply: FastifyReply,
  ) {
    const actor = signInFirst(req, reply);
    if (!actor) return null;
    const subject = await subjectOf(req.params.type, req.params.id, req.lang);
    if (!(await content.mayEdit(actor, subject.type, subject.id)))
      throw new ForbiddenError(
        `You may not edit ${subject.name}: only editors of an organization whose home is this place or tied to it, and site admins, may.`,
      );
    return { actor, subject };
  }

  const base = (s: Subject) => `/edit/${URL_TYPE[s.type]}/${s.id}`;

  const FACT_LABELS: Record<Lang, Record<string, [string, string?]>> = {
    en: {
      population: ['Population'],
      population_year: ['Population counted in (year)'],
      leader_title: ['Leader’s title', 'e.g. Mayor, Party Secretary, Governor'],
      leader_name: ['Leader’s name'],
      leader_since: ['Leader since', 'YYYY, YYYY-MM or YYYY-MM-DD'],
      languages: ['Languages', 'ISO 639 codes separated by ";", e.g. zh; en'],
      currency: ['Currency', 'ISO 4217, e.g. CNY'],
      timezone: ['Time zone', 'IANA name, e.g. Asia/Shanghai; empty: from the coordinates'],
      kind: ['Kind of tie'],
      signed: ['Signed', 'YYYY, YYYY-MM or YYYY-MM-DD'],
      ended: ['Ended', 'when the tie was ended'],
      status: ['Status'],
      source: ['Sources', 'One per line: a web address or a citation'],
      notes: ['Notes'],
    },
    zh: {
      population: ['人口'],
      population_year: ['人口统计年份'],
      leader_title: ['领导人职务', '如市长、市委书记'],
      leader_name: ['领导人姓名'],
      leader_since: ['任职起始', 'YYYY、YYYY-MM 或 YYYY-MM-DD'],
      languages: ['语言', 'ISO 639 代码，以“;”分隔，如 zh; en'],
      currency: ['货币', 'ISO 4217，如 CNY'],
      timezone: ['时区', 'IANA 名称，如 Asia/Shanghai；留空则按坐标推算'],
      kind: ['关系类型'],
      signed: ['签约日期', 'YYYY、YYYY-MM 或 YYYY-MM-DD'],
      ended: ['终止日期'],
      status: ['状态'],
      source: ['来源', '每行一个：网址或出处'],
      notes: ['备注'],
    },
  };

  function FactsForm(p: {
    req: FastifyRequest;
    reply: FastifyReply;
    subject: Subject;
    values: FactValues;
    problems: Problem[];
  }) {
    const lang = p.req.lang;
    const t = T[lang];
    const tie = p.subject.type === 'twinning';
    const columns: readonly string[] = tie ? TIE_FACTS : PLACE_FACTS;
    const errorOf = (c: string) =>
      p.problems
        .filter((x) => x.column === c || (c === 'source' && x.column === 'sources'))
        .map((x) => x.message)
        .join('; ');
    return (
      <PostForm
        action={href(`${base(p.subject)}/facts`, lang)}
        csrf={csrfToken(p.req, p.reply)}
        class="stack"
      >
        <Problems
          title={t.cannot}
          messages={p.problems.map((x) =>
            x.column ? `${FACT_LABELS[lang][x.column]?.[0] ?? x.column}: ${x.message}` : x.message,
          )}
        />
        {columns.map((c) => {
          const [label, hint] = FACT_LABELS[lang][c] ?? [c];
          const id = `fact-${c}`;
          const error = errorOf(c);
          const described =
            [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
          const common = {
            id,
            name: c,
            'aria-describedby': described,
            'aria-invalid': error ? ('true' as const) : undefined,
          };
          const options = c === 'kind' ? TWINNING_KINDS : c === 'status' ? TWINNING_STATUSES : null;
          return (
            <FieldShell id={id} label={label} hint={hint} error={error || undefined}>
              {options ? (
                <select {...common}>
                  {options.map((o) => (
                    <option value={o} selected={p.values[c] === o}>
                      {(c === 'kind' ? KIND_LABELS : STATUS_LABELS)[lang][o]}
                    </option>
                  ))}
                </select>
              ) : c === 'source' || c === 'notes' ? (
                <textarea {...common} rows={3}>
                  {p.values[c] ?? ''}
                </textarea>
              ) : (
                <input
                  {...common}
                  value={p.values[c] ?? ''}
                  inputMode={c.startsWith('population') ? 'numeric' : undefined}
                />
              )}
            </FieldShell>
          );
        })}
        <button type="submit">{t.saveFacts}</button>
      </PostForm>
    );
  }

  async function overviewPage(
    req: FastifyRequest,
    reply: FastifyReply,
    subject: Subject,
    v: { facts?: FactValues; problems?: Problem[]; notice?: string } = {},
  ) {
    const t = T[req.lang];
    const sections = await content.sections(subject.type, subject.id);
    const facts =
      v.facts ??
      (subject.type === 'twinning'
        ? await deps.facts.tieFacts(Number(subject.id))
        : await deps.facts.placeFacts(subject.id));
    return html(reply).send(
      pageFor(req, {
        title: t.edit(subject.name),
        children: (
          <>
            <p>
              <a href={href(subject.path, req.lang)}>{t.back}</a>
            </p>
            <h1>{t.edit(subject.name)}</h1>
            {v.notice && <Notice>{v.notice}</Notice>}
            <h2>{t.sections}</h2>
            <ul class="log">
              {SECTION_KEYS[subject.type].map((key) => {
                const langs = [...(sections.get(key)?.keys() ?? [])];
                return (
                  <li>
                    <a href={href(`${base(subject)}/${key}`, req.lang, { in: req.lang })}>
                      {SECTION_LABELS[req.lang][key] ?? key}
                    </a>{' '}
                    <span class="muted">
                      {langs.length ? `(${t.written} ${langs.join(', ')})` : `(${t.notWritten})`}
                    </span>
                  </li>
                );
              })}
            </ul>
            <h2>{t.facts}</h2>
            <p>
              <a href={href(`/history/${URL_TYPE[subject.type]}/${subject.id}/facts`, req.lang)}>
                {t.history}
              </a>
            </p>
            <FactsForm req={req} reply={reply} subject={subject} values={facts} problems={v.problems ?? []} />
          </>
        ),
      }),
    );
  }

  app.get<{ Params: { type: string; id: string }; Querystring: { done?: string } }>(
    '/edit/:type/:id',
    async (req, reply) => {
      const e = await editable(req, reply);
      if (!e) return reply;
      const t = T[req.lang];
      return overviewPage(req, reply, e.subject, {
        notice: req.query.done === 'saved' ? t.saved : req.query.done === 'restored' ? t.restored : undefined,
      });
    },
  );

  app.post<{ Params: { type: string; id: string }; Body: Record<string, unknown> }>(
    '/edit/:type/:id/facts',
    async (req, reply) => {
      const e = await editable(req, reply);
      if (!e) return reply;
      const raw: FactValues = {};
      for (const c of e.subject.type === 'twinning' ? TIE_FACTS : PLACE_FACTS) raw[c] = formText(req.body, c);
      try {
        if (e.subject.type === 'twinning') await deps.facts.editTie(e.actor, Number(e.subject.id), raw);
        else await deps.facts.editPlace(e.actor, e.subject.id, raw);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        reply.code(400);
        return overviewPage(req, reply, e.subject, {
          facts: raw,
          problems: err.problems.length ? err.problems : [{ message: err.message }],
        });
      }
      return reply.redirect(href(base(e.subject), req.lang, { done: 'saved' }), 303);
    },
  );

  app.get<{ Params: { type: string; id: string } }>('/history/:type/:id/facts', async (req, reply) => {
    const e = await editable(req, reply);
    if (!e) return reply;
    const t = T[req.lang];
    const entity = e.subject.type === 'twinning' ? 'twinning' : 'place';
    const revs = await deps.facts.history(entity, e.subject.id);
    const title = t.historyOf(`${e.subject.name} · ${t.facts}`);
    const csrf = csrfToken(req, reply);
    const columns: readonly string[] = entity === 'twinning' ? TIE_FACTS : PLACE_FACTS;
    const dataOf = (i: number) => (revs[i] ? (JSON.parse(revs[i]!.data) as FactValues) : undefined);
    return html(reply).send(
      pageFor(req, {
        title,
        children: (
          <>
            <p>
              <a href={href(base(e.subject), req.lang)}>{t.edit(e.subject.name)}</a>
            </p>
            <h1>{title}</h1>
            <RevisionLog
              revisions={revs}
              lang={req.lang}
              csrf={csrf}
              restorePath={(r) => `/history/facts/restore/${r.id}`}
              originalLabel={t.original}
            >
              {(_r, i) => (
                <FieldChanges
                  now={dataOf(i)!}
                  before={dataOf(i + 1)}
                  fields={columns.map((c) => [c, FACT_LABELS[req.lang][c]?.[0] ?? c] as const)}
                />
              )}
            </RevisionLog>
          </>
        ),
      }),
    );
  });

  app.post<{ Params: { rev: string } }>('/history/facts/restore/:rev', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    const rev = idParam(req.params.rev, `There is no revision ${req.params.rev}.`);
    const { entity, id } = await deps.facts.restore(actor, rev);
    const place = entity === 'place' ? await store.places.get(id) : undefined;
    const type = entity === 'twinning' ? 'tie' : place?.kind === 'country' ? 'country' : 'place';
    return reply.redirect(href(`/edit/${type}/${id}`, req.lang, { done: 'restored' }), 303);
  });

  function textLangOf(v: unknown, lang: Lang): string {
    if (v === undefined || v === '') return lang;
    if (typeof v !== 'string' || !TEXT_LANG.test(v))
      throw new ValidationError(`"${String(v)}" is not a language tag such as en, zh or zh-Hant.`);
    return v;
  }

  function checkKey(subject: Subject, key: string) {
    if (!SECTION_KEYS[subject.type].includes(key))
      throw new NotFoundError(
        `"${key}" is not a section here; use one of ${SECTION_KEYS[subject.type].join(', ')}.`,
      );
  }

  async function editorPage(
    req: FastifyRequest,
    reply: FastifyReply,
    subject: Subject,
    key: string,
    textLang: string,
    v: { body?: string; problems?: string[]; notice?: string },
  ) {
    const t = T[req.lang];
    const current = (await content.sections(subject.type, subject.id)).get(key)?.get(textLang);
    const label = SECTION_LABELS[req.lang][key] ?? key;
    const title = t.edit(`${subject.name} · ${label}`);
    const path = `${base(subject)}/${key}`;
    return html(reply).send(
      pageFor(req, {
        title,
        children: (
          <>
            <p>
              <a href={href(subject.path, req.lang)}>{t.back}</a> ·{' '}
              <a href={href(base(subject), req.lang)}>{t.sections}</a> ·{' '}
              <a
                href={href(`/history/${URL_TYPE[subject.type]}/${subject.id}/${key}`, req.lang, {
                  in: textLang,
                })}
              >
                {t.history}
              </a>
            </p>
            <h1>{title}</h1>
            {v.notice && <Notice>{v.notice}</Notice>}
            <Problems title={t.cannot} messages={v.problems ?? []} />
            <form method="get" action={path} class="filters">
              {req.lang !== 'en' && <input type="hidden" name="lang" value={req.lang} />}
              <label>
                {t.textLang}
                <select name="in">
                  {TEXT_LANGS.map(([code, name]) => (
                    <option value={code} selected={code === textLang}>
                      {name}
                    </option>
                  ))}
                  {!TEXT_LANGS.some(([c]) => c === textLang) && (
                    <option value={textLang} selected>
                      {textLang}
                    </option>
                  )}
                </select>
              </label>
              <button type="submit" class="secondary">
                {t.otherLang}
              </button>
            </form>
            <PostForm
              action={href(path, req.lang, { in: textLang })}
              csrf={csrfToken(req, reply)}
              class="stack wide"
            >
              <label>
                {t.text}
                <textarea
                  class="md"
                  name="body"
                  rows={18}
                  maxLength={20000}
                  aria-describedby="body-hint"
                  lang={textLang === 'zh' ? 'zh-Hans' : textLang}
                >
                  {v.body ?? current?.body ?? ''}
                </textarea>
                <small id="body-hint" class="muted">
                  {t.textHint}
                </small>
              </label>
              <button type="submit">{t.save}</button>
            </PostForm>
            {current && (
              <section aria-labelledby="preview" class="card">
                <h2 id="preview">{t.preview}</h2>
                <div
                  class="prose"
                  lang={textLang === 'zh' ? 'zh-Hans' : textLang}
                  dangerouslySetInnerHTML={{ __html: renderMarkdown(current.body) }}
                />
              </section>
            )}
          </>
        ),
      }),
    );
  }

  type KeyRoute = {
    Params: { type: string; id: string; key: string };
    Querystring: { in?: string; done?: string };
  };

  app.get<KeyRoute>('/edit/:type/:id/:key', async (req, reply) => {
    const e = await editable(req, reply);
    if (!e) return reply;
    checkKey(e.subject, req.params.key);
    const textLang = textLangOf(req.query.in, req.lang);
    const t = T[req.lang];
    const notice = { saved: t.saved, removed: t.removed, unchanged: t.unchanged, restored: t.restored }[
      req.query.done as 'saved'
    ];
    return editorPage(req, reply, e.subject, req.params.key, textLang, { notice });
  });

  app.post<KeyRoute & { Body: Record<string, unknown> }>('/edit/:type/:id/:key', async (req, reply) => {
    const e = await editable(req, reply);
    if (!e) return reply;
    checkKey(e.subject, req.params.key);
    const textLang = textLangOf(req.query.in, req.lang);
    const body = formText(req.body, 'body');
    let outcome;
    try {
      outcome = await content.setSection(
        { subjectType: e.subject.type, subjectId: e.subject.id, key: req.params.key, lang: textLang, body },
        e.actor,
      );
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      reply.code(400);
      return editorPage(req, reply, e.subject, req.params.key, textLang, { body, problems: problemsOf(err) });
    }
    return reply.redirect(
      href(`${base(e.subject)}/${req.params.key}`, req.lang, { in: textLang, done: outcome }),
      303,
    );
  });

  /** Word-level changes from one text to the next, marked up for the history page. */
  function Diff(p: { before: string; after: string; lang: string }) {
    const parts = diffWords(p.before, p.after, {
      intlSegmenter: new Intl.Segmenter(p.lang, { granularity: 'word' }),
    });
    return (
      <div class="diff" lang={p.lang === 'zh' ? 'zh-Hans' : p.lang}>
        {parts.map((d) => (d.added ? <ins>{d.value}</ins> : d.removed ? <del>{d.value}</del> : d.value))}
      </div>
    );
  }

  app.get<KeyRoute>('/history/:type/:id/:key', async (req, reply) => {
    const e = await editable(req, reply);
    if (!e) return reply;
    checkKey(e.subject, req.params.key);
    const textLang = textLangOf(req.query.in, req.lang);
    const t = T[req.lang];
    const revs = await content.history({
      subjectType: e.subject.type,
      subjectId: e.subject.id,
      key: req.params.key,
      lang: textLang,
    });
    const bodyOf = (r: Revision | undefined) => (r ? (JSON.parse(r.data) as { body: string }).body : '');
    const label = SECTION_LABELS[req.lang][req.params.key] ?? req.params.key;
    const title = t.historyOf(`${e.subject.name} · ${label} (${textLang})`);
    const csrf = csrfToken(req, reply);
    return html(reply).send(
      pageFor(req, {
        title,
        children: (
          <>
            <p>
              <a href={href(`${base(e.subject)}/${req.params.key}`, req.lang, { in: textLang })}>
                {t.edit(label)}
              </a>
            </p>
            <h1>{title}</h1>
            <RevisionLog
              revisions={revs}
              lang={req.lang}
              csrf={csrf}
              restorePath={(r) => `/history/restore/${r.id}`}
            >
              {(r, i) => <Diff before={bodyOf(revs[i + 1])} after={bodyOf(r)} lang={textLang} />}
            </RevisionLog>
          </>
        ),
      }),
    );
  });

  app.post<{ Params: { rev: string } }>('/history/restore/:rev', async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    const rev = idParam(req.params.rev, `There is no revision ${req.params.rev}.`);
    const { target } = await content.restore(rev, actor);
    return reply.redirect(
      href(`/edit/${URL_TYPE[target.subjectType]}/${target.subjectId}/${target.key}`, req.lang, {
        in: target.lang,
        done: 'restored',
      }),
      303,
    );
  });
}
