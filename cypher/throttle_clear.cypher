// Forget one throttle key's attempts (an account's, after its successful sign-in).
// params: key
MATCH (a:Attempts {key: $key})
DELETE a
