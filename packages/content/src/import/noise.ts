// Interface text a browser capture carries along with the content: share and follow
// buttons, newsletter prompts, navigation. Recognised by whole lines only, and only when
// short, so that a sentence of the overview that mentions sharing is never dropped.

const SOCIAL =
  'facebook|twitter|x|linkedin|email|e-mail|whatsapp|instagram|youtube|reddit|print|copy link|rss'
const SOCIAL_ONLY = new RegExp(`^(?:(?:${SOCIAL})(?:\\s*[|,·/•]\\s*|\\s+|$))+$`, 'i')

const RULES: { pattern: RegExp; why: string; maxLength: number }[] = [
  {
    pattern: /^share(?:\s+this(?:\s+(?:page|report|publication|article))?|\s+on\s.*|\s*:.*)?$/i,
    why: 'a share button',
    maxLength: 80,
  },
  {
    pattern: /^(?:subscribe\b|sign up\b|get (?:the latest|our newsletter)|join our mailing list)/i,
    why: 'a subscription prompt',
    maxLength: 140,
  },
  {
    pattern:
      /^follow\s+(?:us\b.*|@.*|.*\bon\s+(?:facebook|twitter|x|linkedin|instagram|youtube)\b.*)$/i,
    why: 'a follow link',
    maxLength: 80,
  },
  {
    // "Follow Asian Development Bank on social media", "Connect with us on social media".
    pattern:
      /^(?:follow|connect with|find|join|stay connected with)\b.*\bon (?:social media|social networks?)\.?$/i,
    why: 'a social media footer',
    maxLength: 120,
  },
  {
    pattern:
      /^(?:print(?: this page)?|copy link|tweet|like|read more|show more|show less|view all)$/i,
    why: 'a page action',
    maxLength: 20,
  },
  { pattern: SOCIAL_ONLY, why: 'social media links', maxLength: 80 },
  {
    pattern: /^(?:back to top|skip to (?:main )?content|menu|search|home\s*[>/›»].*)$/i,
    why: 'site navigation',
    maxLength: 140,
  },
  {
    pattern:
      /^(?:download(?: (?:the )?(?:pdf|report|publication|full report|file))?|read online|view online|order (?:a |print )?cop(?:y|ies))\b(?:[^.]|\.(?=\d))*$/i,
    why: 'a download or order button (files are not imported from captures)',
    maxLength: 80,
  },
  { pattern: /\bcookies?\b.*\b(?:accept|agree|consent)/i, why: 'a cookie notice', maxLength: 300 },
]

/**
 * Why a line is interface text rather than content, or `undefined` when it is content.
 *
 * @example
 * interfaceNoise('Share this page') // 'a share button'
 * interfaceNoise('Facebook | Twitter | LinkedIn') // 'social media links'
 * interfaceNoise('Economies share a common challenge.') // undefined
 */
export function interfaceNoise(text: string): string | undefined {
  for (const rule of RULES) {
    if (text.length <= rule.maxLength && rule.pattern.test(text)) return rule.why
  }
  return undefined
}
