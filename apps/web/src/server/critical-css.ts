// The app's stylesheet as text, built by Vite exactly as for the browser's CSS file (the same
// source, minified), for the server to inline into every page: the first paint then waits for
// no request but the HTML. The file is still built and served (the 500 page links it).
import css from '../styles/app.css?inline'

/** The stylesheet inlined into pages; the entry's CSS file of the client build. */
export const APP_CSS: string = css
