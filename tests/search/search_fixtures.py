"""The five-document fixture of the search tests, written by hand (plain data)."""

from __future__ import annotations

import datetime as dt

from corrigo.evidence import Document

# One sentence each, so each document is one passage and BM25's statistics are easy to count.
# Tokens after tantivy's en_stem analyser (lower-cased, stemmed) and their counts:
#   leeds-water: northgat water will close it treatment plant in leed           -> 9 tokens
#   leeds-jobs:  the leed plant employ 120 peopl                                -> 6 tokens
#   budget:      bradford council approv a new budget on tuesday                -> 8 tokens
#   shares:      share in acm fell after the profit warn                        -> 8 tokens
#   floods:      heavi rain flood road across yorkshir and leed                 -> 8 tokens
FIVE_DOCS = [
    Document(
        "leeds-water",
        "Northgate Water will close its treatment plant in Leeds.",
        title="Plant to close",
        date=dt.date(2024, 3, 1),
    ),
    Document("leeds-jobs", "The Leeds plant employs 120 people.", date=dt.date(2024, 3, 2)),
    Document("budget", "Bradford council approved a new budget on Tuesday."),
    Document("shares", "Shares in Acme fell after the profit warning.", url="https://example.org/acme"),
    Document("floods", "Heavy rain flooded roads across Yorkshire and Leeds."),
]
DOC_LENGTHS = {"leeds-water": 9, "leeds-jobs": 6, "budget": 8, "shares": 8, "floods": 8}
