import { render, screen, within } from '@solidjs/testing-library'
import { describe, expect, it } from 'vitest'
import { ContentsTree } from './contents-tree.tsx'

describe('ContentsTree', () => {
  it('renders nested entries as nested lists, with page numbers', () => {
    render(() => (
      <ContentsTree
        entries={[
          { title: 'Foreword', page: 1 },
          {
            title: 'Beyond Factory Asia',
            children: [{ title: 'New markets' }, { title: 'New skills', page: 40 }],
          },
        ]}
      />
    ))
    const lists = screen.getAllByRole('list')
    expect(lists).toHaveLength(2)
    const top = lists[0] as HTMLElement
    const items = within(top).getAllByRole('listitem')
    expect(items.map((li) => li.firstChild?.textContent)).toEqual([
      'Foreword',
      'Beyond Factory Asia',
      'New markets',
      'New skills',
    ])
    expect(within(lists[1] as HTMLElement).getByText('40')).toBeTruthy()
  })
})
