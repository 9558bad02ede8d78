package io.zerostore.deploy.allinone;

/** The three servers of a storage node, with their ring and config section. */
public enum ServerKind {
    OBJECT("object", 0),
    CONTAINER("container", 1),
    ACCOUNT("account", 2);

    private final String ringName;
    private final int portOffset;

    ServerKind(String ringName, int portOffset) {
        this.ringName = ringName;
        this.portOffset = portOffset;
    }

    /** {@code object}, {@code container} or {@code account}: the ring file's base name. */
    public String ringName() {
        return ringName;
    }

    /** The node config section, as Swift names it: {@code [object-server]}. */
    public String section() {
        return ringName + "-server";
    }

    int portOffset() {
        return portOffset;
    }
}
