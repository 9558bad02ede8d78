// Smoke-test runner for the examples under Chicory's own WASI (not our sandbox): used by
// check.sh to prove that lua.wasm (exnref exception handling) runs on Chicory 1.7.5.
// Usage (Java 17 single-file launch; check.sh builds the class path from ~/.m2):
//   java -cp <chicory jars> ChicoryRun.java [--compiled|--interp] [--dir=GUEST=HOST] prog.wasm [args...]
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class ChicoryRun {
    public static void main(String[] argv) throws Exception {
        boolean interp = false;
        WasiOptions.Builder opts = WasiOptions.builder().inheritSystem();
        int i = 0;
        for (; i < argv.length && argv[i].startsWith("--"); i++) {
            if (argv[i].equals("--compiled")) {
                interp = false;
            } else if (argv[i].equals("--interp")) {
                interp = true;
            } else if (argv[i].startsWith("--dir=")) {
                String[] gh = argv[i].substring(6).split("=", 2);
                opts.withDirectory(gh[0], Path.of(gh[1]));
            }
        }
        Path file = Path.of(argv[i]);
        List<String> args = new ArrayList<>();
        args.add(file.getFileName().toString().replaceAll("\\.wasm$", ""));
        for (int j = i + 1; j < argv.length; j++) args.add(argv[j]);
        opts.withArguments(args);
        WasmModule module = Parser.parse(file);
        int rc = 0;
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(opts.build()).build()) {
            Instance.Builder b = Instance.builder(module)
                    .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build());
            if (!interp) b.withMachineFactory(MachineFactoryCompiler.compile(module));
            b.build();
        } catch (WasiExitException e) {
            rc = e.exitCode();
        }
        System.out.flush();
        System.exit(rc);
    }
}
