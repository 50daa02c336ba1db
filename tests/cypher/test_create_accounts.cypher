// Tests only: create accounts (id, email, email_verified); the accounts feature writes them.
// params: rows
UNWIND $rows AS row
CREATE (:Account {id: row.id, email: row.email, email_key: row.email, display_name: row.id,
                  email_verified: row.email_verified, is_admin: false, created_at: 0})
