// Korean particles that change with the sound before them: 은/는, 이/가, 을/를, 과/와, 으로/로. Names come from the
// data in any script; a name ending in Hangul or a digit takes the right form, any other the written double form
// ("Delft은(는)"), as Korean writes when the sound is not known.

const DIGIT_FINAL = [21, 8, 0, 16, 0, 0, 1, 8, 8, 0]; // 영 일 이 삼 사 오 육 칠 팔 구: the final consonant's index

/** The final consonant index of the word's last sound (0: none), or null if it cannot be told. */
function finalOf(word: string): number | null {
  const last = word
    .trim()
    .replace(/[)\]」』"'”’.]+$/u, '')
    .slice(-1);
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28;
  if (last >= '0' && last <= '9') return DIGIT_FINAL[Number(last)]!;
  return null;
}

export type Particle = '은' | '이' | '을' | '과' | '으로';
const PAIRS: Record<Particle, [string, string]> = {
  은: ['은', '는'],
  이: ['이', '가'],
  을: ['을', '를'],
  과: ['과', '와'],
  으로: ['으로', '로'],
};

/** The word with its particle: josa('서울', '은') = '서울은', josa('부산', '과') = '부산과', josa('대구', '이') = '대구가'. */
export function josa(word: string, particle: Particle): string {
  const [withFinal, without] = PAIRS[particle];
  const f = finalOf(word);
  if (f === null) return particle === '으로' ? `${word}(으)로` : `${word}${withFinal}(${without})`;
  // ㄹ (index 8) takes 로, like a word without a final consonant
  const hasFinal = particle === '으로' ? f !== 0 && f !== 8 : f !== 0;
  return `${word}${hasFinal ? withFinal : without}`;
}
