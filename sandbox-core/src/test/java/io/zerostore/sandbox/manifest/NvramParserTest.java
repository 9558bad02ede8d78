package io.zerostore.sandbox.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NvramParserTest {
    @Test
    void parsesZrtSections() {
        Nvram n = NvramParser.parse("""
                # ZRT configuration
                [args]
                args = lua /main.lua hello\\x20world
                [env]
                name=LANG, value=C
                name=GREETING, value=a\\x2cb
                [fstab]
                channel=/dev/image, mountpoint=/, access=ro, removable=no
                [mapping]
                channel=/dev/stdin, mode=char
                [time]
                seconds=1000
                [debug]
                verbosity=4
                """);
        assertThat(n.args()).containsExactly("lua", "/main.lua", "hello world");
        assertThat(n.env()).isEqualTo(Map.of("LANG", "C", "GREETING", "a,b"));
        assertThat(n.fstab()).isEqualTo(List.of(new Nvram.Mount("/dev/image", "/", true, false)));
        assertThat(n.mapping()).isEqualTo(Map.of("/dev/stdin", "char"));
        assertThat(n.timeSeconds()).isEqualTo(1000);
    }

    @Test
    void errorsNameTheirLine() {
        assertThatThrownBy(() -> NvramParser.parse("[args]\nargs = a\n[colours]\n"))
                .isInstanceOf(ManifestException.class).hasMessage("line 3: unknown nvram section [colours]");
        assertThatThrownBy(() -> NvramParser.parse("[env]\nname=A\n"))
                .hasMessage("line 2: missing 'value='");
        assertThatThrownBy(() -> NvramParser.parse("[mapping]\nchannel=/dev/x, mode=socket\n"))
                .hasMessageStartingWith("line 2: mode must be one of");
        assertThatThrownBy(() -> NvramParser.parse("args = a\n"))
                .hasMessage("line 1: nvram line outside any section");
    }
}
