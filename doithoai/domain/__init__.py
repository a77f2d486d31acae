"""The conference's rules on plain data: the facts computed once (facts), deadlines, the settings sheet's meaning,
document numbers, the registry of document kinds, carry-over to the next conference and privacy masking. Above core,
io and book; below validation, documents and the exchanges."""
