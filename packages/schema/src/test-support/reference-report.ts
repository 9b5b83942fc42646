// The reference report (seeds/beyond-factory-asia.txt at the repository root), typed in with
// every fact its public page carries. Tests across the repo compare against it.
import type { ReportInput } from '../report.ts'

export const referenceReport = {
  slug: 'beyond-factory-asia',
  title: 'Beyond Factory Asia: Fuelling Growth in a Changing World',
  subtitle: "Beyond Factory Asia: Moving from the World's Workshop to Global",
  published: '2013-04',
  type: 'reports',
  identifiers: {
    isbn: [
      { value: '978-92-9254-047-0', form: 'print' },
      { value: '978-92-9254-048-7', form: 'web' },
    ],
  },
  description: [
    'Asia’s phenomenal growth over the past few decades has been driven by the rise of Factory Asia. However, the global financial crisis and uncertain growth prospects in the United States and the eurozone have dampened demand for Asian exports. At the same time, rising wages threaten to erode the cost advantage that the region once had, managing supply chains has become more complex, and new technologies are transforming manufacturing.',
    'How can regional economies move beyond Factory Asia? What strategies can Asian economies pursue to meet these challenges? This monograph will examine a range of policy, institutional, legal, and regulatory issues relating to reforms that will drive Asia’s economic and social transformation in its quest for a new Factory Asia model.',
  ].join('\n\n'),
  keyFindings: [
    'while changing global trends will have an impact on Factory Asia, it is likely to continue as an important source of growth for the region;',
    'the new Factory Asia will have to evolve toward serving customers within the region—without appearing to become Fortress Asia;',
    'economies that are part of production networks should use the skills and experience acquired to move up the value chain and produce higher value-added products;',
    'special mechanisms—and not necessarily subsidies—are needed to boost Small Medium Enterprises access to regional production networks;',
    'greater inter-regional (South-South) cooperation could help countries learn from others’ experience in production networking;',
    'labor mobility will continue from agriculture to manufacturing to take advantage of the higher productivity;',
    'the future should be guided by the goal of achieving growth that is inclusive as well as environmentally sustainable; and',
    'continuous learning and intense competition are essential to increase as well as sustain Asia’s growth in the future.',
  ],
  contents: [
    { title: 'Foreword' },
    { title: 'Introduction' },
    { title: 'Asian Manufacturing and Global Production Networks' },
    { title: 'Key Issues and Challenges in Moving Beyond Factory Asia' },
    { title: 'Beyond Factory Asia' },
    { title: 'Conclusion' },
    { title: 'Appendix: Role of the Services Sector' },
    { title: 'References' },
  ],
} satisfies ReportInput
