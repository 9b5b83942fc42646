// Escaping for markup the server writes itself (the head), outside Solid's renderer.

/** Text or an attribute value, safe between tags and inside double quotes. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** `<meta name|property="…" content="…">`, marked as belonging to this page (`data-page`). */
export function meta(attribute: 'name' | 'property', key: string, content: string): string {
  return `<meta ${attribute}="${escapeHtml(key)}" content="${escapeHtml(content)}" data-page>`
}

/** `<link …>` from attributes, in the order given. */
export function link(attributes: Record<string, string>): string {
  const parts = Object.entries(attributes).map(([k, v]) => `${k}="${escapeHtml(v)}"`)
  return `<link ${parts.join(' ')}>`
}
