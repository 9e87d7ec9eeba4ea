import { josa } from '../../domain/korean.js';
import type { MailCatalogue } from './en.js';

// The site's mail in Korean (polite 합니다 style, addressed with 님).

const ROLES: Record<string, string> = { editor: '편집자', member: '회원' };
const KINDS: Record<string, string> = { post: '소식', event: '행사', activity: '교류 활동' };

export const ko = {
  reset: (p) => ({
    subject: '새 비밀번호 설정',
    body:
      `${p.name} 님, 안녕하세요.\n\n누군가(본인이시길 바랍니다) ${p.email} 계정의 새 비밀번호 설정을 요청했습니다.\n` +
      `${p.minutes}분 안에 다음 링크를 열어 새 비밀번호를 정하세요:\n\n${p.link}\n\n` +
      '본인이 요청하지 않았다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.\n',
  }),

  confirm: (p) => ({
    subject: '이메일 주소를 확인해 주세요',
    body:
      `${p.name} 님, 안녕하세요.\n\n누군가(본인이시길 바랍니다) ${p.email} 주소로 계정을 만들었습니다. ` +
      `${p.days}일 안에 다음 링크를 열어 본인의 주소임을 확인해 주세요:\n\n${p.link}\n\n` +
      '확인하기 전까지는 이 주소로 알림을 보내지 않습니다. 본인이 만든 계정이 아니라면 이 메일을 무시하세요.\n',
  }),

  emailToNew: (p) => ({
    subject: '새 이메일 주소를 확인해 주세요',
    body:
      `${p.name} 님, 안녕하세요.\n\n계정의 이메일 주소를 ${p.from}에서 ${p.to} 주소로 바꾸도록 요청하셨습니다. ` +
      `${p.hours}시간 안에 다음 링크를 열어 확인해 주세요:\n\n${p.link}\n\n` +
      '본인이 요청하지 않았다면 이 메일을 무시하세요. 계정은 바뀌지 않습니다.\n',
  }),

  emailToOld: (p) => ({
    subject: '계정의 이메일 주소가 곧 바뀝니다',
    body:
      `${p.name} 님, 안녕하세요.\n\n누군가 회원님의 비밀번호로 계정의 이메일 주소를 ${p.to} 주소로 바꾸도록 요청했습니다. ` +
      '새 주소가 확인되면 바뀝니다.\n본인이 요청하지 않았다면 지금 로그인해서 비밀번호를 바꾸세요.\n',
  }),

  invite: (p) => ({
    subject: `자매도시넷의 ${p.org}에 초대합니다`,
    body:
      `${p.by ? `${p.by} 님이` : '사이트 관리자가'} 자매도시넷의 ${p.org}에 ${josa(ROLES[p.role] ?? p.role, '으로')} 초대했습니다.\n\n` +
      `이 주소로 가입하고 주소를 확인하면 역할이 주어집니다:\n\n${p.link}\n\n` +
      '보낸 사람을 모른다면 이 메일을 무시하세요.\n',
  }),

  comment: (p) => ({
    subject: `‘${p.postTitle}’에 새 댓글`,
    body: `${p.author} 님의 댓글:\n\n${p.body}\n\n읽고 답글 달기: ${p.link}\n`,
  }),

  entry: (p) => ({
    subject: `${p.org} ${KINDS[p.type] ?? '새 소식'}: ${p.title}`,
    body: `${p.org}에서 ${josa(`‘${p.title}’`, '을')} 게시했습니다.\n\n읽기: ${p.link}\n`,
  }),

  digest: (p) => ({
    subject: `오늘의 모음: 새 소식 ${p.items.length}건`,
    body:
      `${p.name} 님, 안녕하세요.\n\n지난 모음 이후 새로 올라온 것입니다.\n\n` +
      p.items.map((i) => `* ${i.subject}\n\n${i.body.trim()}\n`).join('\n'),
  }),

  footer: (link) =>
    `\n-- \n자매도시넷에서 구독하셨기 때문에 이 메일을 보내 드립니다. 받지 않거나 받는 방식을 바꾸려면:\n${link}\n`,
} satisfies MailCatalogue;
