// popular-english-words ships no types: the part this package uses.
declare module 'popular-english-words' {
  export const words: {
    getMostPopular(count: number): string[]
    getMostPopularFilter(count: number, test: (word: string) => boolean): string[]
  }
}
