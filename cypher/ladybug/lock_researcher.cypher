// The embedded engine runs one write transaction at a time (LadybugBackend's write lock): a
// decision about a researcher record is already alone; nothing to lock.
// params: researcher_id
RETURN $researcher_id AS researcher_id
