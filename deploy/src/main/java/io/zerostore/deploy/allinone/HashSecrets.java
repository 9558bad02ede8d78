package io.zerostore.deploy.allinone;

import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfSection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The cluster's {@code [swift-hash]} secrets. They decide where every object lives, so they are
 * generated once, kept in {@code swift.conf}, and never changed by a later start.
 */
public record HashSecrets(String prefix, String suffix) {
    public static final String SECTION = "swift-hash";
    public static final String PREFIX_KEY = "swift_hash_path_prefix";
    public static final String SUFFIX_KEY = "swift_hash_path_suffix";

    public HashSecrets {
        if (prefix.isEmpty() && suffix.isEmpty()) {
            throw new IllegalArgumentException(PREFIX_KEY + " and " + SUFFIX_KEY + " cannot both be empty");
        }
    }

    public static HashSecrets random() {
        SecureRandom rnd = new SecureRandom();
        byte[] p = new byte[16];
        byte[] s = new byte[16];
        rnd.nextBytes(p);
        rnd.nextBytes(s);
        return new HashSecrets(HexFormat.of().formatHex(p), HexFormat.of().formatHex(s));
    }

    /** Reads {@code swiftConf}, or creates it with new random secrets when it does not exist. */
    public static HashSecrets loadOrCreate(Path swiftConf) throws IOException {
        if (Files.exists(swiftConf)) {
            ConfSection hash = Conf.load(swiftConf).section(SECTION);
            return new HashSecrets(hash.get(PREFIX_KEY, ""), hash.get(SUFFIX_KEY, ""));
        }
        HashSecrets secrets = random();
        Files.createDirectories(swiftConf.getParent());
        Path tmp = swiftConf.resolveSibling(swiftConf.getFileName() + ".tmp");
        Files.writeString(tmp, secrets.swiftConfText(), StandardCharsets.UTF_8);
        Files.move(tmp, swiftConf, StandardCopyOption.ATOMIC_MOVE);
        return secrets;
    }

    private String swiftConfText() {
        return """
                # Generated once by 'zerostore start'. Every process of this cluster must use these
                # values: they decide where each object is stored, so changing them makes stored data
                # unreachable. Keep them secret.
                """ + section();
    }

    /** The {@code [swift-hash]} section, to embed in each role's config file. */
    public String section() {
        return "[" + SECTION + "]\n"
                + PREFIX_KEY + " = " + prefix + "\n"
                + SUFFIX_KEY + " = " + suffix + "\n";
    }
}
