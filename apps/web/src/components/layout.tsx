import { A, type RouteSectionProps, useLocation } from '@solidjs/router'
import { createEffect, on } from 'solid-js'
import { API_BASE } from '../api/client.ts'

/**
 * Moves focus to the new page's heading after client-side navigation, so keyboard and
 * screen-reader users start at the top of the new content (as a full page load would).
 */
export function focusMainHeading(): void {
  const main = document.getElementById('main')
  if (!main) return
  const heading = main.querySelector<HTMLElement>('h1')
  const target = heading ?? main
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
  target.focus({ preventScroll: true })
}

export function Layout(props: RouteSectionProps) {
  const location = useLocation()
  createEffect(
    on(
      () => location.pathname,
      () => requestAnimationFrame(focusMainHeading),
      { defer: true },
    ),
  )
  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a real in-page link; the handler only adds the focus move the router would skip */}
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          // The router would treat the hash as a navigation; move focus ourselves.
          event.preventDefault()
          const main = document.getElementById('main')
          main?.focus()
          main?.scrollIntoView()
        }}
      >
        Skip to content
      </a>
      <header class="site-header">
        <div class="wrap site-header__inner">
          <A href="/" class="brand" end>
            <span class="brand__mark" aria-hidden="true">
              C
            </span>
            <span class="brand__name">Colophon</span>
          </A>
          <nav aria-label="Site">
            <ul class="site-nav">
              <li>
                <A href="/" end activeClass="is-active">
                  Catalogue
                </A>
              </li>
              <li>
                <A href="/about" activeClass="is-active">
                  About
                </A>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabindex="-1" class="wrap site-main">
        {props.children}
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <p>
            Colophon, a catalogue of institutional research reports. Data from the{' '}
            <a href={`${API_BASE}/v1/reports`}>open API</a>. New reports:{' '}
            <a href="/feed.atom" type="application/atom+xml">
              Atom feed
            </a>
            .
          </p>
        </div>
      </footer>
    </>
  )
}
