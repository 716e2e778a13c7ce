"""Case data from the court's case-management system: the record format, its validation and the upsert.

The court system is the source of truth for cases; it feeds the portal through ``flask cases import``
(files) and ``PUT /api/v1/cases/<number>`` (one case). Both share ``schema.validate`` (the format, see its
docstring), ``upsert.apply`` (idempotent: re-sending the same data changes nothing) and ``service`` (the
transaction). Reason codes are stable; ``messages`` words them in the reader's language.
"""
