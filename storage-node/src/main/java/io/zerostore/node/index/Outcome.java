package io.zerostore.node.index;

/** What an index write did; the servers map each to Swift's status for the request. */
public enum Outcome {
    /** Created, or re-created after a delete (201). */
    CREATED,
    /** Applied to an existing record, or ignored because something newer is stored (202/201/204). */
    ACCEPTED,
    /** A delete that removed something that existed (204). */
    DELETED,
    /** Nothing there, or already deleted (404). */
    NOT_FOUND,
    /** Refused: not empty, or a timestamp older than the stored delete/put (409). */
    CONFLICT,
    /** Refused: the account was deleted and waits for the reaper (403 "Recently deleted"). */
    RECENTLY_DELETED
}
