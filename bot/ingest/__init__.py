"""Growing the corpus: fetch web pages, files and feeds, extract the article, store it as Markdown.

One module per job: `fetch` (the polite HTTP client), `extract` (HTML/PDF/Markdown/text -> an
`Extracted` article), `store` (one Markdown file per article in corpus/, de-duplicated, written
atomically), `feeds` (RSS/Atom entries), `pipeline` (sources -> outcomes) and `commands` (the
`evbot corpus` command group).
"""
