"""Punctuation that ends a sentence, a clause or a list item: character-class bodies for the rules' patterns.

One table, so that what ends a phrase is the same wherever a rule asks (`f"[{CLAUSE_ENDS}]"`, `f"[^{ITEM_ENDS}]"`).
The text is normalized, but full-width forms are listed too: a pattern is also searched in raw text by tests.
"""

SENTENCE_ENDS = "。!?！？"
# a comma, a semicolon or a colon ends a clause; so does a sentence's end or a line's
CLAUSE_ENDS = ",，;；:：" + SENTENCE_ENDS + "\n"
# 、 ends an item of an enumeration, which runs on within its clause
ITEM_ENDS = "、" + CLAUSE_ENDS
# a list runs across items and clauses, through colons (收到的物资有：口罩3000只、手套1200双，防护服40套)
LIST_SEPARATORS = "、,，;；\n"
