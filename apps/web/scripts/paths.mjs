// Where the web app and the API live, for the scripts.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..')
export const API_DIR = join(WEB_DIR, '..', 'api')
