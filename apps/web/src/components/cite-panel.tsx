import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js'
import { getReportFormat, reportFormatUrl } from '../api/client.ts'
import { ErrorState } from './error-state.tsx'

const CHOICES = [
  { id: 'apa', label: 'APA' },
  { id: 'chicago', label: 'Chicago' },
  { id: 'bibtex', label: 'BibTeX' },
  { id: 'ris', label: 'RIS' },
  { id: 'csl', label: 'CSL-JSON' },
] as const
type Choice = (typeof CHOICES)[number]['id']

type Citations = Record<Choice, string>

/** Fetches the machine formats from the API and formats the styled ones in the browser. */
async function loadCitations(slug: string): Promise<Citations> {
  // Never on the server (the panel opens in the browser), so its bundle leaves citation.js out.
  const processor = import.meta.env.SSR
    ? Promise.reject(new Error('citations are formatted in the browser'))
    : import('../cite/render.ts')
  const [render, bibtex, ris, csl] = await Promise.all([
    processor,
    getReportFormat(slug, 'bibtex'),
    getReportFormat(slug, 'ris'),
    getReportFormat(slug, 'csl'),
  ])
  return {
    apa: render.formatCitation(csl, 'apa'),
    chicago: render.formatCitation(csl, 'chicago'),
    bibtex: bibtex.trim(),
    ris: ris.trim(),
    csl: JSON.stringify(JSON.parse(csl), null, 2),
  }
}

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text)
  // Older browsers and insecure origins: the selection-based fallback.
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  const ok = document.execCommand('copy')
  area.remove()
  if (!ok) throw new Error('copy was refused')
}

/**
 * "Cite this": closed by default; opening it loads the citation processor (a separate
 * chunk) and the report's BibTeX, RIS and CSL-JSON from the API.
 */
export function CitePanel(props: { slug: string }) {
  const [open, setOpen] = createSignal(false)
  const [choice, setChoice] = createSignal<Choice>('apa')
  const [status, setStatus] = createSignal('')
  const [citations, { refetch }] = createResource(
    () => (open() ? props.slug : false),
    (slug) => loadCitations(slug),
  )
  const text = () => (citations.state === 'ready' ? citations()[choice()] : '')
  const isCode = () => choice() === 'bibtex' || choice() === 'ris' || choice() === 'csl'

  const copy = async () => {
    try {
      await copyText(text())
      setStatus(
        `${CHOICES.find((c) => c.id === choice())?.label} citation copied to the clipboard.`,
      )
    } catch {
      setStatus('Could not copy: select the text and copy it yourself.')
    }
  }

  return (
    <section class="cite" aria-labelledby="cite-title">
      <h2 id="cite-title" class="cite__heading">
        <button
          type="button"
          class="cite__toggle"
          aria-expanded={open()}
          aria-controls="cite-body"
          onClick={() => setOpen(!open())}
        >
          Cite this report
        </button>
      </h2>
      <div id="cite-body" class="cite__body" hidden={!open()}>
        <Show when={open()}>
          <fieldset class="cite__choices">
            <legend class="visually-hidden">Citation format</legend>
            <For each={CHOICES}>
              {(item) => (
                <label class="cite__choice">
                  <input
                    type="radio"
                    name="cite-format"
                    value={item.id}
                    checked={choice() === item.id}
                    onChange={() => {
                      setChoice(item.id)
                      setStatus('')
                    }}
                  />
                  <span>{item.label}</span>
                </label>
              )}
            </For>
          </fieldset>
          <Switch>
            <Match when={citations.state === 'errored'}>
              <ErrorState error={citations.error} onRetry={refetch} />
            </Match>
            <Match when={citations.state !== 'ready'}>
              <p class="cite__loading" aria-busy="true">
                Preparing citations…
              </p>
            </Match>
            <Match when={citations.state === 'ready'}>
              <div class="cite__output" data-format={choice()}>
                <Show when={isCode()} fallback={<p class="cite__text">{text()}</p>}>
                  <pre class="cite__code" tabindex="0">
                    <code>{text()}</code>
                  </pre>
                </Show>
              </div>
              <div class="cite__actions">
                <button type="button" class="button" onClick={copy}>
                  Copy citation
                </button>
                <Show when={choice() === 'bibtex' || choice() === 'ris'}>
                  <a
                    class="button button--quiet"
                    href={reportFormatUrl(props.slug, choice() === 'ris' ? 'ris' : 'bibtex')}
                    download=""
                  >
                    Download .{choice() === 'ris' ? 'ris' : 'bib'}
                  </a>
                </Show>
              </div>
            </Match>
          </Switch>
          <p class="cite__status" role="status">
            {status()}
          </p>
        </Show>
      </div>
    </section>
  )
}
