package io.zerostore.sandbox.image;

/**
 * One member of a tar image: its normalized relative path (no leading or trailing '/'), its kind,
 * and where its bytes lie in the image ({@code dataOffset}, {@code size}) so they can be read in
 * place, never copied out.
 */
public record TarEntry(String path, Kind kind, long dataOffset, long size, int mode, String linkTarget) {
    /** What a tar member is. */
    public enum Kind {
        FILE,
        DIRECTORY,
        SYMLINK,
        HARDLINK
    }
}
