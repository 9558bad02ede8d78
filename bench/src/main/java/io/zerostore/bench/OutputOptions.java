package io.zerostore.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the result goes: always one human line on stdout, optionally JSON. */
final class OutputOptions {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--label", description = "name of the target in the output, e.g. swift or ours")
    String label;

    @Option(names = "--json-out", description = "write the result as JSON to this file")
    Path jsonOut;

    @Option(names = "--json", description = "also print the result as JSON on stdout")
    boolean json;

    void emit(WorkloadResult result) throws IOException {
        System.out.println(result.line());
        String text = JSON.writeValueAsString(result);
        if (json) {
            System.out.println(text);
        }
        if (jsonOut != null) {
            Path parent = jsonOut.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(jsonOut, text + "\n");
        }
    }
}
