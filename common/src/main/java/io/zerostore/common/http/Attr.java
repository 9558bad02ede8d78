package io.zerostore.common.http;

/**
 * A typed key for per-request state that one pipeline stage hands to a later one (the identity
 * TempAuth established, a transaction id). Typed keys instead of Swift's untyped environ bag.
 */
public final class Attr<T> {
    private final String name;

    private Attr(String name) {
        this.name = name;
    }

    public static <T> Attr<T> of(String name) {
        return new Attr<>(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
