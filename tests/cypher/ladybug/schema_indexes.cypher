// The tables Ladybug holds (the embedded engine has tables, not named indexes).
// params: none
CALL show_tables() RETURN name, 'TABLE' AS state
