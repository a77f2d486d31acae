"""The exchange with the Ủy ban MTTQ: the privacy-safe copy it supervises with, and its notes coming home.

- `spec`: the copy's format (sheets, columns, cover) and the copy as plain data (`CopyBook`);
- `projection`: what one office record shows in the copy (masking through `doithoai.domain.privacy`), fingerprints;
- `log`: the share log on the office's workbook (one row per shared petition; older layouts still read);
- `share`: the share job; the .xlsx itself is written by `doithoai.mttq.sharecopy`;
- `returned`, `conflicts`, `result`, `mergeback`: reading the returned copy, one check per conflict kind,
  what merge-back reports, and the merge-back job.

Nothing is imported here: a button click imports only what its job needs.
"""
