"""The database: models, sessions, migrations, spreadsheet import and export."""
