"""Each backend's schema as a numbered list of migrations, applied in order by `evbot db upgrade`.

A plain list in the style of simonw/llm's migrations rather than alembic: two backends, a few
tables and no ORM, so a list of SQL per backend says all there is without another tool.
Version N means the first N migrations have run; both lists keep the same names and numbers.
Never edit a released migration: append a new one.
"""
