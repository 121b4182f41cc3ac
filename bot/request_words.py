"""Words a request read by its form may hold besides its asking phrase ("tell me more", "tl;dr?",
"who wrote this?", "the section on partnerships", "source 2?"): any other word names a topic, and
the message is searched. Each reader adds its own words to these.
"""

from __future__ import annotations

# Asking and politeness, in every such request.
ASKING = frozenset({
    "and", "can", "could", "do", "does", "give", "is", "it", "me", "of", "on", "please", "pls",
    "show", "so", "tell", "text", "that", "the", "there", "u", "what", "what's", "whats", "you"
})  # fmt: skip
# The text named and more politeness, in a request about the articles (overview, front matter,
# sections).
ABOUT_THE_TEXT = frozenset({
    "a", "again", "all", "an", "any", "are", "article", "articles", "bot", "for", "get", "hey",
    "i", "in", "its", "just", "or", "piece", "plz", "post", "some", "story", "this", "to", "us",
    "was", "where", "whole", "would"
})  # fmt: skip
# The text named in a request's regular expression ("in the article", "by this piece"): a
# count's, a list of names' ("how many times is tesla mentioned in the article?").
TEXT_NAMED = r"(?:the|this) (?:article|piece|text|story|sources?)"
IN_THE_TEXT = rf"(?: (?:in|by) (?:{TEXT_NAMED}|it))?"
# On: moving through the text ("skip to the conclusion", "take me to the environmental part", "read
# me the first paragraph") is a request about its structure as "what's in …" is (session 27, the
# lead's probes: the first and last were refused, the second quoted the section's second sentence).
NAVIGATE_27 = True
NAVIGATING = frozenset({"go", "jump", "move", "read", "skip", "straight", "take", "turn"})
# The words of the requests read from the articles' structure (an overview, the front matter, the
# sections): a word one typo from exactly one of them ("summry", "waht", "teh", "artcle") is read as
# it by those readers only, never by the search (bot.spelling.request_respelt).
# On: the words naming the text's parts and places ("paragraph", "called", "first") are request
# words too, so "how many paragrahs are there?", "waht's the frist section called?" are read as
# typed right (session 30, the lead's probes: refused).
PARTS_TYPOS_30 = True
PARTS_WORDS_30 = frozenset({
    "paragraph", "paragraphs", "sentence", "sentences", "called", "heading", "titled", "first",
    "second", "third", "fourth", "fifth", "last", "mentioned", "sources", "evidence", "cite"
})  # fmt: skip
REQUEST_WORDS = ASKING | ABOUT_THE_TEXT | frozenset({
    "author", "conclusion", "contents", "gist", "headings", "headline", "intro",
    "introduction", "key", "long", "main", "overview", "points", "publish", "published",
    "publisher", "recap", "section", "sections", "source", "summarise", "summarize", "summary",
    "takeaways", "title", "wrote", "written", "who", "when", "how", "about"
})  # fmt: skip
