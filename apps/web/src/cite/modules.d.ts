// The packages of the citation processor ship no TypeScript types; these are the parts we use.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown)
    format(format: string, options?: Record<string, unknown>): string | object
  }
  export const plugins: { config: { get(name: string): unknown } }
}
declare module '@citation-js/plugin-csl'
declare module 'style-chicago' {
  const style: object
  export default style
}
