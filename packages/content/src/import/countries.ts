// Country names → ISO 3166-1 alpha-2 codes. English names come from Intl.DisplayNames over
// the schema's code list; pages also use UN and development-bank styles ("Viet Nam", "Lao
// PDR", "Korea, Republic of", "Taipei,China"), listed here.
import { COUNTRY_CODES, type CountryCode, closestMatch, isCountryCode } from 'colophon-schema'

const VARIANTS: Record<string, CountryCode> = {
  'viet nam': 'VN',
  'lao pdr': 'LA',
  'lao peoples democratic republic': 'LA',
  'republic of korea': 'KR',
  'democratic peoples republic of korea': 'KP',
  'peoples republic of china': 'CN',
  prc: 'CN',
  'kyrgyz republic': 'KG',
  'federated states of micronesia': 'FM',
  'hong kong china': 'HK',
  'hong kong': 'HK',
  'taipei china': 'TW',
  'macao china': 'MO',
  macau: 'MO',
  usa: 'US',
  'united states of america': 'US',
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  'russian federation': 'RU',
  turkey: 'TR',
  'ivory coast': 'CI',
  burma: 'MM',
  'east timor': 'TL',
  'timor leste': 'TL',
  'czech republic': 'CZ',
  macedonia: 'MK',
  swaziland: 'SZ',
  'cape verde': 'CV',
  'brunei darussalam': 'BN',
  'islamic republic of iran': 'IR',
  'syrian arab republic': 'SY',
  'democratic republic of the congo': 'CD',
  'dr congo': 'CD',
  drc: 'CD',
  'republic of the congo': 'CG',
  'holy see': 'VA',
  'state of palestine': 'PS',
  'republic of moldova': 'MD',
  'united republic of tanzania': 'TZ',
  'plurinational state of bolivia': 'BO',
  'bolivarian republic of venezuela': 'VE',
  'slovak republic': 'SK',
  uae: 'AE',
}

/** Lowercase ASCII words: accents, apostrophes and punctuation dropped; "Saint" → "st". */
export function normalizeCountryName(name: string): string {
  let text = name.trim()
  // "Korea, Republic of" → "Republic of Korea"
  const inverted = /^(.+?),\s*((?:the\s+)?[\w\s’'-]*\bof(?:\s+the)?)$/i.exec(text)
  if (inverted) text = `${inverted[2]} ${inverted[1]}`
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '')
}

let names: Map<string, CountryCode> | undefined

function countryNames(): Map<string, CountryCode> {
  if (names) return names
  names = new Map()
  for (const style of ['long', 'short'] as const) {
    const display = new Intl.DisplayNames('en', { type: 'region', style })
    for (const code of COUNTRY_CODES) {
      const name = display.of(code)
      if (name && name !== code) {
        const key = normalizeCountryName(name)
        if (!names.has(key)) names.set(key, code)
        // "Myanmar (Burma)", "Hong Kong SAR China": the part before the qualifier too.
        const plain = normalizeCountryName(name.replace(/\s*\(.*\)$|\s+SAR China$/, ''))
        if (!names.has(plain)) names.set(plain, code)
      }
    }
  }
  for (const [name, code] of Object.entries(VARIANTS)) names.set(name, code)
  return names
}

/**
 * The ISO 3166-1 alpha-2 code of a country name as pages write it, or `undefined`.
 *
 * @example
 * countryCode('Viet Nam') // 'VN'
 * countryCode('Korea, Republic of') // 'KR'
 * countryCode('PH') // 'PH'
 */
export function countryCode(name: string): CountryCode | undefined {
  const trimmed = name.trim()
  if (/^[A-Z]{2}$/.test(trimmed) && isCountryCode(trimmed)) return trimmed
  return countryNames().get(normalizeCountryName(trimmed))
}

/** The English name of the country closest to a misspelt one, for "did you mean". */
export function closestCountry(name: string): string | undefined {
  const display = new Intl.DisplayNames('en', { type: 'region' })
  const all = COUNTRY_CODES.map((code) => display.of(code) ?? code)
  return closestMatch(name, all)
}

/**
 * Splits a list of country names: at semicolons when there are any, else at commas, keeping
 * names that carry a comma themselves ("Korea, Republic of", "Taipei,China") whole.
 */
export function splitCountries(value: string): string[] {
  if (value.includes(';'))
    return value
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)
  if (countryCode(value)) return [value.trim()]
  const parts = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const out: string[] = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? ''
    const next = parts[i + 1]
    if (next !== undefined && !countryCode(part) && countryCode(`${part},${next}`)) {
      out.push(`${part}, ${next}`)
      i++
    } else if (next !== undefined && countryCode(`${part},${next}`) && !countryCode(next)) {
      out.push(`${part}, ${next}`)
      i++
    } else out.push(part)
  }
  return out
}
