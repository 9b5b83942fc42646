// Prices as pages write them: "US$25.00", "$25", "USD 25", "25.00 EUR", "€30", "£20".
import type { Price } from 'colophon-schema'

const SYMBOLS: Record<string, string> = {
  US$: 'USD',
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₱': 'PHP',
  '₹': 'INR',
  A$: 'AUD',
  S$: 'SGD',
  HK$: 'HKD',
}

export interface ReadPrice {
  price: Price
  /** Set when the currency came from a bare symbol, not a code. */
  assumed?: string | undefined
}

/**
 * Reads a price, or `undefined` when the text is not one ("Free" is not: the model's price
 * has an amount and a currency).
 *
 * @example
 * readPrice('US$25.00 (print)') // { price: { amount: 25, currency: 'USD' } }
 * readPrice('$25') // { price: { amount: 25, currency: 'USD' }, assumed: '"$" read as US dollars' }
 */
export function readPrice(text: string): ReadPrice | undefined {
  // Nested labels go first: "Hardcopy price: US$10.00", "Print: US$30.00".
  const clean = text
    .replace(/^(?:[A-Za-z][A-Za-z /-]{0,30}:\s*)+/, '')
    .replace(/\([^)]*\)/g, '')
    .trim()
  const amount = '(\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)'
  const code = /^([A-Z]{3})\s*/.source
  const symbol = /^(US\$|HK\$|A\$|S\$|[$€£¥₱₹])\s*/.source
  const number = (s: string | undefined) => Number((s ?? '').replace(/,/g, ''))
  let m = new RegExp(`${code}${amount}$`).exec(clean)
  if (m) return { price: { amount: number(m[2]), currency: m[1] ?? '' } }
  m = new RegExp(`^${amount}\\s*([A-Z]{3})$`).exec(clean)
  if (m) return { price: { amount: number(m[1]), currency: m[2] ?? '' } }
  m = new RegExp(`${symbol}${amount}$`).exec(clean)
  if (m) {
    const sign = m[1] ?? ''
    const currency = SYMBOLS[sign] ?? ''
    const assumed = sign === '$' ? '"$" read as US dollars' : undefined
    return { price: { amount: number(m[2]), currency }, assumed }
  }
  return undefined
}
