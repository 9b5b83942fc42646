// People and organisations for the synthetic catalogue: given and family names from many
// regions (a report list of a development bank is written by authors from everywhere),
// with a few prolific authors, and organisations built from realistic patterns.
import type { Author } from 'colophon-schema'
import type { Random } from './generate-text.ts'

export const GIVEN_NAMES =
  'Aarav Abdul Adaeze Ahmed Aiko Akira Alejandro Ali Amara Ana Andrea Anh Anjali Arjun Asel Aziz Bao Bilal Bolat Camila Carlos Chen Chiara Chinedu Daniel Dewi Dilnoza Dmitri Elena Emeka Erlan Fatima Farida Farrukh Fernando Gabriel Gita Grace Hana Hassan Hiroshi Hoa Ikaika Ines Irina Isabel Ivan Jae-won Jamal James Javier Jia Jin Joon-ho Jose Juan Kamal Kavya Kenji Kiri Lakshmi Lan Laura Layla Lina Ling Lucas Luis Mahmoud Malika Manuel Maria Marco Mariam Mei Mehmet Meera Min-jun Mohammed Nadia Naveen Nguyen Nikhil Nilufar Nurlan Olga Omar Paolo Pedro Priya Quang Rahul Rania Ravi Rizal Rosa Ruslan Sabina Samir Sarah Sergei Shreya Siti Sofia Sunil Tahmina Takeshi Tamar Thanh Thomas Timur Tomasz Uma Vikram Wei Xin Yan Yasmin Yuki Yusuf Zainab Zhang Zarina'.split(
    ' ',
  )
export const FAMILY_NAMES =
  'Abdullah Abe Acharya Adeyemi Aguilar Ahmed Akhmetov Alvarez Aziz Banerjee Bautista Bhatt Chakraborty Chang Chen Cho Choi Cruz Das Dela Cruz Dorji Estrada Fernando Fujita Garcia Ghosh Gonzales Gunawardena Gupta Haider Haque Hasan Hossain Huang Ibrahim Ismailov Iyer Jung Karimov Kato Khan Kim Kumar Lee Li Lim Liu Lopez Mahmud Martinez Mendoza Mishra Mukherjee Nakamura Nasser Nguyen Ng Nurmagambetov Ocampo Okafor Ong Park Perera Pham Quispe Rahman Ramos Rao Reyes Rossi Sahin Saito Santos Sato Shah Sharma Silva Singh Soto Sultanov Suzuki Tan Tanaka Tran Usmanov Wang Watanabe Wijaya Wong Wu Xu Yamamoto Yang Yilmaz Yusupov Zhang Zhou'.split(
    ' ',
  )
const ORG_FORMS = [
  (a: string) => `Institute for ${a} Studies`,
  (a: string) => `${a} Research Centre`,
  (a: string) => `Department of ${a}`,
  (a: string) => `${a} Policy Forum`,
  (a: string) => `Ministry of ${a}`,
  (a: string) => `Centre for ${a} and Development`,
] as const
const ORG_SUBJECTS =
  'Finance|Economic Affairs|Energy|Transport|Agriculture|Water Resources|Public Health|Education|Trade and Industry|Climate Change|Urban Development|Statistics|Social Protection|Regional Cooperation|Governance|Labour'.split(
    '|',
  )
const FIXED_ORGS = [
  'Asian Development Bank',
  'Asian Development Bank Institute',
  'Independent Evaluation Department',
  'Economic Research and Regional Cooperation Department',
  'United Nations Development Programme',
  'International Labour Organization',
  'World Health Organization',
] as const

/** Authors: a few people write much, most write little (a skewed pick over a fixed roster). */
export function authorSource(r: Random) {
  // A roster of people, each a fixed given + family pair, picked with a skew.
  const roster: Author[] = []
  for (let i = 0; i < 2_000; i++)
    roster.push(
      r.chance(0.92)
        ? { family: r.pick(FAMILY_NAMES), given: r.pick(GIVEN_NAMES) }
        : { family: r.pick(FAMILY_NAMES) },
    )
  const organisations = [
    ...FIXED_ORGS,
    ...ORG_SUBJECTS.flatMap((s) => ORG_FORMS.map((form) => form(s))),
  ]
  const skewed = <T>(items: readonly T[]) => items[Math.floor(r.next() ** 2.5 * items.length)] as T
  return (): Author => (r.chance(0.15) ? { name: skewed(organisations) } : skewed(roster))
}
