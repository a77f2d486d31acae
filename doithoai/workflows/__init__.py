"""The jobs that combine the layers below for one user action: the secretary's sheet (conference), intake of
forms, a new workbook (new_workbook, presets), the demo and its sample data, doctor. Called by the front-ends (cli,
commands, buttons, app) at the package's root."""
