import { A } from '@solidjs/router'
import { createResource, For, Match, Show, Switch } from 'solid-js'
import { API_BASE, getHealth, getVocabularies } from '../api/client.ts'
import type { Health, Vocabularies } from '../api/types.ts'
import { ErrorState } from '../components/error-state.tsx'
import { plural } from '../lib/format.ts'
import { useHead } from '../lib/head.ts'
import { dataKey, useInitialData } from '../lib/initial-data.ts'

interface AboutData {
  info: Health
  vocabularies: Vocabularies
}

async function loadAbout(): Promise<AboutData> {
  const [info, vocabularies] = await Promise.all([getHealth(), getVocabularies()])
  return { info, vocabularies }
}

export default function About() {
  const initial = useInitialData()
  const info = initial.take<Health>(dataKey.health)
  const vocabularies = initial.peek<Vocabularies>(dataKey.vocabularies)
  const [about, { refetch }] = createResource(
    loadAbout,
    info && vocabularies
      ? { initialValue: { info, vocabularies }, ssrLoadFrom: 'initial' as const }
      : {},
  )
  useHead(() => ({
    title: 'About',
    description:
      'About this catalogue of institutional research reports: what it holds and how to use its data.',
    jsonLd: { '@context': 'https://schema.org', '@type': 'AboutPage', name: 'About Colophon' },
  }))
  return (
    <div class="about">
      <h1>About this catalogue</h1>
      <Switch>
        <Match when={about.state === 'errored'}>
          <ErrorState error={about.error} onRetry={refetch} />
        </Match>
        <Match when={about.state !== 'ready'}>
          <p aria-busy="true" class="muted">
            Loading…
          </p>
        </Match>
        <Match when={about()}>
          {(data) => (
            <>
              <p class="lede">
                <strong>{data().info.name}</strong> holds{' '}
                {plural(data().info.reportCount, 'report')}
                <Show when={data().info.description}>: {data().info.description}</Show>
              </p>
              <dl class="stats">
                <div>
                  <dt>Reports</dt>
                  <dd>{data().info.reportCount.toLocaleString('en')}</dd>
                </div>
                <div>
                  <dt>Types</dt>
                  <dd>{data().vocabularies.types.filter((t) => t.count > 0).length}</dd>
                </div>
                <div>
                  <dt>Topics</dt>
                  <dd>{data().vocabularies.topics.filter((t) => t.count > 0).length}</dd>
                </div>
                <div>
                  <dt>Series</dt>
                  <dd>{data().vocabularies.series.filter((t) => t.count > 0).length}</dd>
                </div>
              </dl>
              <h2>By type</h2>
              <ul class="type-list">
                <For each={data().vocabularies.types.filter((t) => t.count > 0)}>
                  {(type) => (
                    <li>
                      <a href={`/?type=${encodeURIComponent(type.key)}`}>{type.label}</a>{' '}
                      <span class="muted">{type.count.toLocaleString('en')}</span>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Match>
      </Switch>
      <h2>Using the data</h2>
      <p>
        Every report is also available from the catalogue’s open API, as JSON, JSON-LD, BibTeX, RIS,
        CSL-JSON and Dublin Core: start at <a href={`${API_BASE}/v1/reports`}>/v1/reports</a> or
        read the <a href={`${API_BASE}/docs`}>API documentation</a>.
      </p>
      <p>
        Editors keep the catalogue as plain files; each build checks every record against one schema
        before anything is published. <A href="/">Browse the reports</A>.
      </p>
    </div>
  )
}
