// The embedded engine runs one write transaction at a time (LadybugBackend's write lock): a
// decision about an account is already alone; nothing to lock.
// params: account_id
RETURN $account_id AS account_id
