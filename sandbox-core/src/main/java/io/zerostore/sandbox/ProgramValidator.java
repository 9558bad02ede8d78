package io.zerostore.sandbox;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.zerostore.sandbox.wasi.WasiImports;
import java.io.ByteArrayInputStream;

/**
 * ZeroVM's validator, for WebAssembly: decode and validate the module (types, control flow,
 * bounds), then accept only imports from the {@link WasiImports} allow-list with their exact
 * signatures, require a {@code _start} command entry point and one non-shared memory.
 */
final class ProgramValidator {
    private ProgramValidator() {
    }

    /** Outcome: a module (null when it could not be decoded) and a verdict. */
    record Result(WasmModule module, ValidationState state, String message) {
    }

    static Result validate(byte[] wasm) {
        WasmModule module;
        try {
            module = Parser.builder().withValidation(true).build()
                    .parse(() -> new ByteArrayInputStream(wasm));
        } catch (ChicoryException | IllegalArgumentException | IllegalStateException e) {
            return new Result(null, ValidationState.FAILED, "invalid module: " + e.getMessage());
        }
        String problem = checkImports(module);
        if (problem == null) {
            problem = checkEntryAndMemory(module);
        }
        return problem == null
                ? new Result(module, ValidationState.VALIDATED, "")
                : new Result(module, ValidationState.FAILED, problem);
    }

    /** Decodes without validating, for trusted callers (the verdict is NOT_RUN). */
    static Result decodeOnly(byte[] wasm) {
        try {
            WasmModule module = Parser.builder().withValidation(false).build()
                    .parse(() -> new ByteArrayInputStream(wasm));
            return new Result(module, ValidationState.NOT_RUN, "");
        } catch (ChicoryException | IllegalArgumentException | IllegalStateException e) {
            return new Result(null, ValidationState.FAILED, "invalid module: " + e.getMessage());
        }
    }

    private static String checkImports(WasmModule module) {
        var imports = module.importSection();
        for (int i = 0; i < imports.importCount(); i++) {
            Import imp = imports.getImport(i);
            String name = imp.module() + "." + imp.name();
            if (imp.importType() != ExternalType.FUNCTION) {
                return "forbidden import: " + name + " (" + imp.importType() + ")";
            }
            FunctionType allowed = WasiImports.signature(imp.module(), imp.name());
            if (allowed == null) {
                return "forbidden import: " + name;
            }
            FunctionType actual = module.typeSection().getType(((FunctionImport) imp).typeIndex());
            if (!allowed.typesMatch(actual)) {
                return "import " + name + " has signature " + actual + ", expected " + allowed;
            }
        }
        return null;
    }

    private static String checkEntryAndMemory(WasmModule module) {
        Export start = null;
        var exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            if (exports.getExport(i).name().equals("_start")) {
                start = exports.getExport(i);
            }
        }
        if (start == null || start.exportType() != ExternalType.FUNCTION) {
            return "no _start function exported (only WASI command modules run)";
        }
        int imported = module.importSection().count(ExternalType.FUNCTION);
        int index = start.index();
        int typeIndex = index < imported
                ? ((FunctionImport) module.importSection().stream()
                        .filter(i -> i.importType() == ExternalType.FUNCTION).toList().get(index)).typeIndex()
                : module.functionSection().getFunctionType(index - imported);
        FunctionType type = module.typeSection().getType(typeIndex);
        if (!type.params().isEmpty() || !type.returns().isEmpty()) {
            return "_start must take and return nothing, has " + type;
        }
        var memories = module.memorySection();
        if (memories.isEmpty() || memories.get().memoryCount() != 1) {
            return "the module must define exactly one memory";
        }
        MemoryLimits limits = memories.get().getMemory(0).limits();
        if (limits.shared()) {
            return "shared memory is not allowed";
        }
        return null;
    }
}
