package io.zerostore.proxy.controller;

import java.util.Locale;
import java.util.Map;

/**
 * Content-Type guessed from an object name's extension when a PUT has none, like Python's
 * {@code mimetypes.guess_type} that Swift uses; unknown extensions get
 * {@code application/octet-stream}. Compression suffixes ({@code .gz}, {@code .bz2}, {@code .xz})
 * are encodings, so {@code a.tar.gz} is {@code application/x-tar}.
 */
public final class ContentTypes {
    public static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> ENCODINGS = Map.of(
            ".gz", "gzip", ".z", "compress", ".bz2", "bzip2", ".xz", "xz", ".br", "br", ".zst", "zstd");
    private static final Map<String, String> SUFFIXES = Map.of(
            ".svgz", ".svg.gz", ".tgz", ".tar.gz", ".taz", ".tar.gz", ".tz", ".tar.gz", ".tbz2", ".tar.bz2",
            ".txz", ".tar.xz");

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry(".js", "text/javascript"), Map.entry(".mjs", "text/javascript"),
            Map.entry(".json", "application/json"), Map.entry(".webmanifest", "application/manifest+json"),
            Map.entry(".doc", "application/msword"), Map.entry(".dot", "application/msword"),
            Map.entry(".wiz", "application/msword"), Map.entry(".bin", "application/octet-stream"),
            Map.entry(".a", "application/octet-stream"), Map.entry(".dll", "application/octet-stream"),
            Map.entry(".exe", "application/octet-stream"), Map.entry(".o", "application/octet-stream"),
            Map.entry(".obj", "application/octet-stream"), Map.entry(".so", "application/octet-stream"),
            Map.entry(".oda", "application/oda"), Map.entry(".pdf", "application/pdf"),
            Map.entry(".p7c", "application/pkcs7-mime"), Map.entry(".ps", "application/postscript"),
            Map.entry(".ai", "application/postscript"), Map.entry(".eps", "application/postscript"),
            Map.entry(".m3u", "application/vnd.apple.mpegurl"), Map.entry(".m3u8", "application/vnd.apple.mpegurl"),
            Map.entry(".xls", "application/vnd.ms-excel"), Map.entry(".xlb", "application/vnd.ms-excel"),
            Map.entry(".ppt", "application/vnd.ms-powerpoint"), Map.entry(".pot", "application/vnd.ms-powerpoint"),
            Map.entry(".ppa", "application/vnd.ms-powerpoint"), Map.entry(".pps", "application/vnd.ms-powerpoint"),
            Map.entry(".pwz", "application/vnd.ms-powerpoint"), Map.entry(".wasm", "application/wasm"),
            Map.entry(".bcpio", "application/x-bcpio"), Map.entry(".cpio", "application/x-cpio"),
            Map.entry(".csh", "application/x-csh"), Map.entry(".dvi", "application/x-dvi"),
            Map.entry(".gtar", "application/x-gtar"), Map.entry(".hdf", "application/x-hdf"),
            Map.entry(".h5", "application/x-hdf5"), Map.entry(".latex", "application/x-latex"),
            Map.entry(".mif", "application/x-mif"), Map.entry(".cdf", "application/x-netcdf"),
            Map.entry(".nc", "application/x-netcdf"), Map.entry(".p12", "application/x-pkcs12"),
            Map.entry(".pfx", "application/x-pkcs12"), Map.entry(".ram", "application/x-pn-realaudio"),
            Map.entry(".pyc", "application/x-python-code"), Map.entry(".pyo", "application/x-python-code"),
            Map.entry(".sh", "application/x-sh"), Map.entry(".shar", "application/x-shar"),
            Map.entry(".swf", "application/x-shockwave-flash"), Map.entry(".sv4cpio", "application/x-sv4cpio"),
            Map.entry(".sv4crc", "application/x-sv4crc"), Map.entry(".tar", "application/x-tar"),
            Map.entry(".tcl", "application/x-tcl"), Map.entry(".tex", "application/x-tex"),
            Map.entry(".texi", "application/x-texinfo"), Map.entry(".texinfo", "application/x-texinfo"),
            Map.entry(".roff", "application/x-troff"), Map.entry(".t", "application/x-troff"),
            Map.entry(".tr", "application/x-troff"), Map.entry(".man", "application/x-troff-man"),
            Map.entry(".me", "application/x-troff-me"), Map.entry(".ms", "application/x-troff-ms"),
            Map.entry(".ustar", "application/x-ustar"), Map.entry(".src", "application/x-wais-source"),
            Map.entry(".xsl", "application/xml"), Map.entry(".rdf", "application/xml"),
            Map.entry(".wsdl", "application/xml"), Map.entry(".xpdl", "application/xml"),
            Map.entry(".zip", "application/zip"), Map.entry(".7z", "application/x-7z-compressed"),
            Map.entry(".jar", "application/java-archive"), Map.entry(".class", "application/java-vm"),
            Map.entry(".rtf", "application/rtf"), Map.entry(".yaml", "application/yaml"),
            Map.entry(".yml", "application/yaml"), Map.entry(".toml", "application/toml"),
            Map.entry(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry(".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry(".odt", "application/vnd.oasis.opendocument.text"),
            Map.entry(".ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry(".epub", "application/epub+zip"), Map.entry(".deb", "application/vnd.debian.binary-package"),
            Map.entry(".rpm", "application/x-redhat-package-manager"), Map.entry(".iso", "application/x-iso9660-image"),
            Map.entry(".3gp", "audio/3gpp"), Map.entry(".3gpp", "audio/3gpp"), Map.entry(".3g2", "audio/3gpp2"),
            Map.entry(".3gpp2", "audio/3gpp2"), Map.entry(".aac", "audio/aac"), Map.entry(".adts", "audio/aac"),
            Map.entry(".loas", "audio/aac"), Map.entry(".ass", "audio/aac"), Map.entry(".au", "audio/basic"),
            Map.entry(".snd", "audio/basic"), Map.entry(".mp3", "audio/mpeg"), Map.entry(".mp2", "audio/mpeg"),
            Map.entry(".opus", "audio/opus"), Map.entry(".aif", "audio/x-aiff"), Map.entry(".aifc", "audio/x-aiff"),
            Map.entry(".aiff", "audio/x-aiff"), Map.entry(".ra", "audio/x-pn-realaudio"),
            Map.entry(".wav", "audio/x-wav"), Map.entry(".flac", "audio/flac"), Map.entry(".ogg", "audio/ogg"),
            Map.entry(".oga", "audio/ogg"), Map.entry(".m4a", "audio/mp4"),
            Map.entry(".avif", "image/avif"), Map.entry(".bmp", "image/bmp"), Map.entry(".gif", "image/gif"),
            Map.entry(".ief", "image/ief"), Map.entry(".jpg", "image/jpeg"), Map.entry(".jpe", "image/jpeg"),
            Map.entry(".jpeg", "image/jpeg"), Map.entry(".heic", "image/heic"), Map.entry(".heif", "image/heif"),
            Map.entry(".png", "image/png"), Map.entry(".svg", "image/svg+xml"), Map.entry(".tiff", "image/tiff"),
            Map.entry(".tif", "image/tiff"), Map.entry(".ico", "image/vnd.microsoft.icon"),
            Map.entry(".webp", "image/webp"), Map.entry(".ras", "image/x-cmu-raster"),
            Map.entry(".pnm", "image/x-portable-anymap"), Map.entry(".pbm", "image/x-portable-bitmap"),
            Map.entry(".pgm", "image/x-portable-graymap"), Map.entry(".ppm", "image/x-portable-pixmap"),
            Map.entry(".rgb", "image/x-rgb"), Map.entry(".xbm", "image/x-xbitmap"),
            Map.entry(".xpm", "image/x-xpixmap"), Map.entry(".xwd", "image/x-xwindowdump"),
            Map.entry(".eml", "message/rfc822"), Map.entry(".mht", "message/rfc822"),
            Map.entry(".mhtml", "message/rfc822"), Map.entry(".nws", "message/rfc822"),
            Map.entry(".css", "text/css"), Map.entry(".csv", "text/csv"), Map.entry(".html", "text/html"),
            Map.entry(".htm", "text/html"), Map.entry(".md", "text/markdown"), Map.entry(".markdown", "text/markdown"),
            Map.entry(".txt", "text/plain"), Map.entry(".bat", "text/plain"), Map.entry(".c", "text/plain"),
            Map.entry(".h", "text/plain"), Map.entry(".ksh", "text/plain"), Map.entry(".pl", "text/plain"),
            Map.entry(".srt", "text/plain"), Map.entry(".log", "text/plain"), Map.entry(".conf", "text/plain"),
            Map.entry(".rtx", "text/richtext"), Map.entry(".tsv", "text/tab-separated-values"),
            Map.entry(".vtt", "text/vtt"), Map.entry(".py", "text/x-python"), Map.entry(".etx", "text/x-setext"),
            Map.entry(".sgm", "text/x-sgml"), Map.entry(".sgml", "text/x-sgml"), Map.entry(".vcf", "text/x-vcard"),
            Map.entry(".xml", "text/xml"), Map.entry(".java", "text/x-java"), Map.entry(".ics", "text/calendar"),
            Map.entry(".mp4", "video/mp4"), Map.entry(".mpeg", "video/mpeg"), Map.entry(".m1v", "video/mpeg"),
            Map.entry(".mpa", "video/mpeg"), Map.entry(".mpe", "video/mpeg"), Map.entry(".mpg", "video/mpeg"),
            Map.entry(".mov", "video/quicktime"), Map.entry(".qt", "video/quicktime"),
            Map.entry(".webm", "video/webm"), Map.entry(".avi", "video/x-msvideo"),
            Map.entry(".movie", "video/x-sgi-movie"), Map.entry(".mkv", "video/x-matroska"),
            Map.entry(".ogv", "video/ogg"), Map.entry(".woff", "font/woff"), Map.entry(".woff2", "font/woff2"),
            Map.entry(".ttf", "font/ttf"), Map.entry(".otf", "font/otf"));

    private ContentTypes() {}

    /** The type for a name, or {@link #DEFAULT}. Extensions match case-sensitively first, then lower-cased. */
    public static String guess(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        String ext = extension(base);
        // a .tgz is a .tar.gz: the archive type, compressed
        String alias = SUFFIXES.get(ext);
        if (alias != null) {
            base = base.substring(0, base.length() - ext.length()) + alias;
            ext = extension(base);
        }
        if (ENCODINGS.containsKey(ext) || ENCODINGS.containsKey(ext.toLowerCase(Locale.ROOT))) {
            base = base.substring(0, base.length() - ext.length());
            ext = extension(base);
        }
        String t = TYPES.get(ext);
        if (t == null) {
            t = TYPES.get(ext.toLowerCase(Locale.ROOT));
        }
        return t == null ? DEFAULT : t;
    }

    /** Python's {@code splitext}: leading dots belong to the name ({@code .json} has no extension). */
    private static String extension(String base) {
        int start = 0;
        while (start < base.length() && base.charAt(start) == '.') {
            start++;
        }
        int dot = base.lastIndexOf('.');
        return dot < start ? "" : base.substring(dot);
    }
}
