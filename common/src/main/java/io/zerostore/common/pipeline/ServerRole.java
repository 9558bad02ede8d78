package io.zerostore.common.pipeline;

/** The server a pipeline belongs to; a plug-in declares which of them it can join. */
public enum ServerRole {
    PROXY, OBJECT, CONTAINER, ACCOUNT
}
