"""The case list, one module per area; importing this package registers every case in order."""

from cases import auth, account, container, listing, obj, meta, ranges, conditional, copy, expiry, acl, misc  # noqa: F401
